/** A progress bar on stderr: redrawn in place on a terminal, a line every 10% otherwise (logs, CI). */
export interface Progress {
  tick(label?: string): void;
  done(): void;
}

export function progressBar(stream: NodeJS.WriteStream, total: number, quiet = false): Progress {
  let count = 0;
  let lastDraw = 0;
  let lastDecile = -1;
  const tty = !!stream.isTTY;
  const draw = () => {
    const ratio = total ? count / total : 1;
    if (tty) {
      const width = 30;
      const filled = Math.round(ratio * width);
      stream.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${count}/${total} pages`);
    } else {
      const decile = Math.floor(ratio * 10);
      if (decile !== lastDecile) {
        lastDecile = decile;
        stream.write(`${count}/${total} pages (${Math.round(ratio * 100)}%)\n`);
      }
    }
  };
  return {
    tick() {
      count++;
      if (quiet) return;
      const now = Date.now();
      if (!tty || now - lastDraw > 80 || count === total) {
        lastDraw = now;
        draw();
      }
    },
    done() {
      if (quiet) return;
      draw();
      if (tty) stream.write('\n');
    },
  };
}
