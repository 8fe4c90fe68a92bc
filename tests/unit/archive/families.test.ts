import { describe, expect, it } from 'vitest';
import { PageInfo } from '../../../lib/model/page-info';
import { happyDoc, page, recogniseHtml, urlsOf } from './helpers';
import { recognise } from '../../../lib/archive/recognise';

const CASES = [
  {
    name: 'classic post_class theme (HTML5 article, rel=tag, time[datetime] in UTC, sidebar cloud, comments)',
    file: 'classic-article.html',
    url: 'http://WWW.SecurityVibes.fr/menaces/stuxnet-iran-confirme/?utm_source=x#c',
    expected: {
      url: 'http://www.securityvibes.fr/menaces/stuxnet-iran-confirme/',
      postId: 4242,
      title: 'Stuxnet : l’Iran confirme l’attaque',
      author: 'Jérôme Vasseur',
      category: { slug: 'menaces', name: 'Menaces' },
      tags: [
        { slug: 'iran', name: 'Iran' },
        { slug: 'scada', name: 'SCADA' },
        { slug: 'stuxnet', name: 'Stuxnet' },
      ],
      publishedAt: '2010-09-27T11:15:00+02:00',
    },
  },
  {
    name: 'older table theme: no <article>, upper-case markup, text dates, "auteur de l\'article", Étiquettes line',
    file: 'legacy-article.html',
    url: 'https://securityvibes.fr/alertes/le-ver-blaster-frappe-les-pme/',
    expected: {
      url: 'http://www.securityvibes.fr/alertes/le-ver-blaster-frappe-les-pme/',
      postId: null,
      title: 'Le ver Blaster frappe les PME',
      author: 'La rédaction',
      category: { slug: 'alertes', name: 'Alertes' },
      tags: [
        { slug: 'blaster', name: 'Blaster' },
        { slug: 'pme', name: 'PME' },
        { slug: 'windows', name: 'Windows' },
      ],
      publishedAt: '2003-08-01T00:00:00+02:00',
    },
  },
  {
    name: 'magazine.qualys.fr meta line ("X le 24 mars 2010 à 10h20, dans la rubrique Y")',
    file: 'magazine-article.html',
    url: 'http://magazine.qualys.fr/tribunes/le-rssi-face-au-byod/',
    expected: {
      url: 'http://magazine.qualys.fr/tribunes/le-rssi-face-au-byod/',
      postId: 9001,
      title: 'Le RSSI face au BYOD',
      author: 'Amélie Durand-Leroy',
      category: { slug: 'tribunes', name: 'Tribunes' },
      tags: [
        { slug: 'byod', name: 'BYOD' },
        { slug: 'rssi', name: 'RSSI' },
        { slug: 'mobilite', name: 'mobilité' },
      ],
      publishedAt: '2010-03-24T10:20:00+01:00',
    },
  },
  {
    name: 'OpenGraph / JSON-LD @graph head, no WordPress markup',
    file: 'structured-article.html',
    url: 'https://www.securityvibes.fr/actualites/heartbleed-mots-de-passe/',
    expected: {
      url: 'http://www.securityvibes.fr/actualites/heartbleed-mots-de-passe/',
      postId: null,
      title: 'Heartbleed : faut-il changer tous ses mots de passe ?',
      author: 'Noémie Garnier',
      category: { slug: 'actualites', name: 'Actualités' },
      tags: [
        { slug: 'heartbleed', name: 'Heartbleed' },
        { slug: 'openssl', name: 'OpenSSL' },
      ],
      publishedAt: '2014-04-09T10:30:00+02:00',
    },
  },
  {
    name: 'Wayback copy (toolbar ignored, every URL unwrapped)',
    file: 'wayback-article.html',
    url: 'https://web.archive.org/web/20090120101010/http://www.securityvibes.fr/menaces/conficker-9-millions/',
    expected: {
      url: 'http://www.securityvibes.fr/menaces/conficker-9-millions/',
      postId: 1717,
      title: 'Conficker : 9 millions de PC infectés',
      author: 'Cédric Moreau',
      category: { slug: 'menaces', name: 'Menaces' },
      tags: [
        { slug: 'conficker', name: 'Conficker' },
        { slug: 'windows', name: 'Windows' },
      ],
      publishedAt: '2009-01-20T10:10:00+01:00',
    },
  },
  {
    name: 'HTTrack saved page read from disk (relative links, mirror note gives the original URL)',
    file: 'saved-httrack-article.html',
    url: '',
    options: { anyHost: true },
    expected: {
      url: 'http://www.securityvibes.fr/juridique/hadopi-premiers-courriels/',
      postId: 3100,
      title: 'Hadopi : les premiers courriels partent',
      author: 'François Kerbrat',
      category: { slug: 'juridique', name: 'Juridique' },
      tags: [{ slug: 'hadopi', name: 'Hadopi' }],
      publishedAt: '2010-10-04T00:00:00+02:00',
    },
  },
] as const;

describe('markup families', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const info = recogniseHtml(page(c.file), c.url, 'options' in c ? c.options : undefined);
      expect(PageInfo.safeParse(info).success).toBe(true);
      expect(info.kind).toBe('article');
      expect(info.article).toMatchObject(c.expected);
      expect(info.article?.excerpt.length).toBeGreaterThan(40);
      expect(urlsOf(info).every((u) => u.startsWith('http://'))).toBe(true);
    });

    it(`${c.file}: happy-dom gives the same answer as linkedom`, () => {
      const url = c.url || 'http://localhost/';
      const options = 'options' in c ? c.options : undefined;
      const viaHappy = recognise(happyDoc(page(c.file), url), c.url, options);
      expect(viaHappy).toEqual(recogniseHtml(page(c.file), c.url, options));
    });
  }

  it("never takes the sidebar cloud, a related-posts box or comment tags/dates as the article's", () => {
    const info = recogniseHtml(page('classic-article.html'), 'http://www.securityvibes.fr/menaces/stuxnet-iran-confirme/');
    const slugs = info.article?.tags.map((t) => t.slug) ?? [];
    expect(slugs).not.toContain('apt');
    expect(slugs).not.toContain('phishing');
    expect(slugs).not.toContain('conficker');
    expect(info.article?.sources).toMatchObject({ tags: 'wordpress', author: 'wordpress' });
  });

  it('a table layout with an unmarked sidebar: the "Étiquettes :" line beats plain tag links, a cloud never counts', () => {
    const html = (sidebar: string, tagLine: string) => `<html><head><title>Stuxnet frappe l'Iran | SecurityVibes</title></head><body>
      <table><tr><td class="main"><h1 class="titre">Stuxnet frappe l'Iran</h1>
      <div>auteur de l'article <a href="/author/jsaiz/">Jérôme Saiz</a>, dans la rubrique <a href="/menaces/">Menaces</a></div>
      <div class="texte"><p>Le ver Stuxnet a touché des centrifugeuses iraniennes, selon plusieurs sources concordantes.</p></div>
      ${tagLine}<div><b>Notez L'article</b></div></td>
      <td class="side"><h3>Étiquettes</h3>${sidebar}</td></tr></table>
      <p>Ce site est une archive des messages à SecurityVibes de Septembre 2000 à Juillet 2014</p></body></html>`;
    const url = 'http://www.securityvibes.fr/menaces/stuxnet-frappe-iran/';
    const slugs = (h: string) => recogniseHtml(h, url).article?.tags.map((t) => t.slug);
    const plainCloud = '<a href="/tag/apt/">APT</a> <a href="/tag/phishing/">phishing</a>';
    expect(slugs(html(plainCloud, '<div>Étiquettes : SCADA, Iran, Sécurité industrielle</div>'))).toEqual(['scada', 'iran', 'securite-industrielle']);
    expect(slugs(html(plainCloud, '<div>Étiquettes : <a href="/tag/scada/">SCADA</a>, <a href="/tag/iran/">Iran</a></div>'))).toEqual(['scada', 'iran']);
    const markedCloud =
      '<a href="/tag/apt/" class="tag-link-3" style="font-size:8pt">APT</a> <a href="/tag/phishing/" class="tag-cloud-link tag-link-9">phishing</a>';
    expect(slugs(html(markedCloud, ''))).toEqual([]);
    // Without a tags line, page-wide plain links are all there is.
    expect(slugs(html(plainCloud, ''))).toEqual(['apt', 'phishing']);
  });

  it('a bare old layout: the logo <h1> is not the title, a "Le 12 janvier 2009" line is the date, the tagline and footer stay out of the excerpt', () => {
    const html = `<html><head><title>Le ver Conficker infecte 9 millions de PC - SecurityVibes</title></head><body>
      <div id="top"><h1 id="logo"><a href="/">SecurityVibes</a></h1><p>L'actualité de la sécurité informatique</p></div>
      <div id="wrap"><h2>Le ver Conficker infecte 9 millions de PC</h2>
      <p>auteur de l'article La rédaction, dans la rubrique <a href="/alertes/">Alertes</a></p>
      <p>Le 12 janvier 2009</p>
      <p>Le ver Conficker, qui exploite une faille du service Serveur de Windows corrigée en octobre, aurait infecté près de neuf millions de machines.</p>
      <p>Étiquettes : <a href="/tag/conficker/">Conficker</a>, <a href="/tag/windows/">Windows</a></p><h3>Notez L'article</h3></div>
      <div id="right"><h3>Étiquettes</h3><a href="/tag/apt/">APT</a><h3>Archives</h3><a href="/2009/01/">janvier 2009</a></div>
      <p id="bas">Ce site est une archive des messages à SecurityVibes de Septembre 2000 à Juillet 2014</p></body></html>`;
    const article = recogniseHtml(html, 'http://www.securityvibes.fr/alertes/conficker-9-millions/').article;
    expect(article).toMatchObject({
      title: 'Le ver Conficker infecte 9 millions de PC',
      author: 'La rédaction',
      category: { slug: 'alertes', name: 'Alertes' },
      tags: [
        { slug: 'conficker', name: 'Conficker' },
        { slug: 'windows', name: 'Windows' },
      ],
      publishedAt: '2009-01-12T00:00:00+01:00',
    });
    expect(article?.excerpt).toMatch(/^Le ver Conficker, qui exploite/);
    expect(article?.excerpt).not.toMatch(/archive des messages|actualité de la sécurité/);
  });

  it.each([
    ['Publié par Jérôme Saiz le 24 mars 2010 dans Menaces', 'Jérôme Saiz', '2010-03-24T00:00:00+01:00', 'menaces'],
    ['Écrit par Jérôme Saiz le 24/03/2010 à 10h20', 'Jérôme Saiz', '2010-03-24T10:20:00+01:00', null],
    ['Jérôme Saiz | mercredi 24 mars 2010 | 3 commentaires', null, '2010-03-24T00:00:00+01:00', null],
    ['Jérôme Saiz le 24 mars 2010 dans le cadre du dossier SCADA', null, '2010-03-24T00:00:00+01:00', null],
  ])('a post meta line %j', (line, author, publishedAt, category) => {
    const html = `<html><head><title>Faille OpenSSL | SecurityVibes</title></head><body><div id="content"><div class="post">
      <h2>Faille OpenSSL</h2><p class="meta">${line}</p>
      <div class="entry"><p>Une faille critique a été découverte dans OpenSSL, touchant des millions de serveurs web dans le monde.</p></div>
      </div></div></body></html>`;
    const article = recogniseHtml(html, 'http://www.securityvibes.fr/menaces/faille-openssl/').article;
    expect({ author: article?.author, publishedAt: article?.publishedAt, category: article?.category?.slug ?? null }).toEqual({
      author,
      publishedAt,
      category,
    });
  });

  it('"Dernière mise à jour le 3 avril 2012" names no author', () => {
    const html = `<html><head><title>Faille OpenSSL | SecurityVibes</title></head><body><div id="content"><div class="post">
      <h2>Faille OpenSSL</h2><p class="meta">Dernière mise à jour le 3 avril 2012</p>
      <div class="entry"><p>Une faille critique a été découverte dans OpenSSL, touchant des millions de serveurs web dans le monde.</p></div>
      </div></div></body></html>`;
    expect(recogniseHtml(html, 'http://www.securityvibes.fr/menaces/faille-openssl/').article?.author).toBeNull();
  });

  it('a calendar badge (<span>24</span><span>mars</span><span>2010</span>) is the date', () => {
    const html = `<html><head><title>Faille OpenSSL | SecurityVibes</title></head><body><div id="content"><div class="post hentry" id="post-9">
      <div class="date"><span class="day">24</span><span class="month">mars</span><span class="year">2010</span></div>
      <h2 class="entry-title">Faille OpenSSL</h2><div class="entry"><p>Une faille critique a été découverte dans OpenSSL, touchant des millions de serveurs.</p></div>
      </div></div></body></html>`;
    expect(recogniseHtml(html, 'http://www.securityvibes.fr/menaces/faille-openssl/').article?.publishedAt).toBe('2010-03-24T00:00:00+01:00');
  });

  it.each([
    ["Archives de l'étiquette « SCADA »", 'archive tag', 'http://www.securityvibes.fr/tag/scada/', 'SCADA'],
    ['Articles marqués avec SCADA', 'archive tag', 'http://www.securityvibes.fr/tag/scada/', 'SCADA'],
    ['Archives de la catégorie Menaces', 'archive category', 'http://www.securityvibes.fr/category/menaces/', 'Menaces'],
    ['Articles de Jérôme Saiz', 'archive author', 'http://www.securityvibes.fr/author/jsaiz/', 'Jérôme Saiz'],
    ['Articles récents', 'archive tag', 'http://www.securityvibes.fr/tag/scada/', 'Articles récents'],
  ])('a listing heading %j names its subject (no link on the page names it)', (heading, bodyClass, url, name) => {
    const html = `<html><head><title>x | SecurityVibes</title></head><body class="${bodyClass}"><div id="content"><h1 class="page-title">${heading}</h1>
      <div class="post" id="post-1"><h2><a href="/menaces/a1/">A un</a></h2></div><div class="post" id="post-2"><h2><a href="/menaces/a2/">A deux</a></h2></div></div></body></html>`;
    expect(recogniseHtml(html, url).subject?.name).toBe(name);
  });

  it('records the layer of each field (structured > wordpress > text)', () => {
    const structured = recogniseHtml(page('structured-article.html'), 'https://www.securityvibes.fr/actualites/heartbleed-mots-de-passe/');
    expect(structured.article?.sources).toMatchObject({ title: 'structured', publishedAt: 'structured', author: 'structured', category: 'structured' });
    const legacy = recogniseHtml(page('legacy-article.html'), 'http://www.securityvibes.fr/alertes/le-ver-blaster-frappe-les-pme/');
    expect(legacy.article?.sources).toMatchObject({ author: 'text', category: 'text', tags: 'text' });
  });

  it('an older listing with bare headings: teasers in page order, sidebar excluded, next page, month subject', () => {
    const info = recogniseHtml(page('legacy-listing.html'), 'http://www.securityvibes.fr/2003/08/');
    expect(info.kind).toBe('date');
    expect(info.listing.map((t) => t.url)).toEqual([
      'http://www.securityvibes.fr/alertes/le-ver-blaster-frappe-les-pme/',
      'http://www.securityvibes.fr/actualites/sobig-f-record/',
    ]);
    expect(info.listing.every((t) => !t.tagsKnown)).toBe(true);
    expect(info.next).toBe('http://www.securityvibes.fr/2003/08/page/2/');
    expect(info.subject).toEqual({ slug: '2003-08', name: 'août 2003' });
  });
});

describe('where pages are recognised', () => {
  it('a look-alike French WordPress security blog with "auteur de l\'article" wording is not-archive', () => {
    const info = recogniseHtml(page('lookalike-article.html'), 'https://www.securite-et-vous.example/menaces/phishing-bancaire/', { anyHost: true });
    expect(info.kind).toBe('not-archive');
    expect(info.reason).toMatch(/no archive signal/);
  });

  it('an archive page on another host is not-archive unless the user asked (anyHost)', () => {
    const html = page('classic-article.html');
    expect(recogniseHtml(html, 'http://mirror.example/menaces/stuxnet-iran-confirme/').kind).toBe('not-archive');
    const asked = recogniseHtml(html, 'http://mirror.example/menaces/stuxnet-iran-confirme/', { anyHost: true });
    expect(asked.kind).toBe('article');
    // The page's canonical link names the original archive URL.
    expect(asked.url).toBe('http://www.securityvibes.fr/menaces/stuxnet-iran-confirme/');
  });

  it('configurable host list', () => {
    const html = page('classic-article.html');
    expect(recogniseHtml(html, 'http://localhost:8080/menaces/stuxnet-iran-confirme/', { hosts: ['localhost:8080'] }).kind).toBe('article');
    expect(recogniseHtml(html, 'http://www.securityvibes.fr/menaces/stuxnet-iran-confirme/', { hosts: ['localhost:8080'] }).kind).toBe('not-archive');
  });

  it("a post's comment page or numbered page is that post; its attachment page is no article", () => {
    const html = page('magazine-article.html').replace(/<link rel="canonical"[^>]*>/, '');
    for (const suffix of ['comment-page-2/', '2/']) {
      const info = recogniseHtml(html, `http://magazine.qualys.fr/tribunes/le-rssi-face-au-byod/${suffix}`);
      expect(info.kind).toBe('article');
      expect(info.article?.url).toBe('http://magazine.qualys.fr/tribunes/le-rssi-face-au-byod/');
    }
    const attachment = html.replace(/<body class="[^"]*"/, '<body class="attachment single single-attachment postid-9002 attachmentid-9002 attachment-jpeg"');
    const info = recogniseHtml(attachment, 'http://magazine.qualys.fr/tribunes/le-rssi-face-au-byod/schema-byod/');
    expect(info).toMatchObject({ kind: 'not-archive', article: null, url: 'http://magazine.qualys.fr/tribunes/le-rssi-face-au-byod/schema-byod/' });
    expect(info.reason).toMatch(/attachment/);
  });

  it('non-http(s) page URLs are not-archive with a null URL', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', '', 'about:blank']) {
      const info = recogniseHtml(page('classic-article.html'), url);
      expect(info).toMatchObject({ kind: 'not-archive', url: null });
    }
  });
});
