import { describe, expect, it } from 'vitest';
import { normalize } from '../normalize.js';

const para = (n: number) =>
  `<p>第${n}段：记者从有关部门获悉，今年以来全市新开工项目持续增加，投资结构不断优化，重点领域保持较快增长。</p>`;

const page = `<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>全市新开工项目持续增加_某某新闻网</title>
<meta property="article:published_time" content="2019-09-08T00:20:15+08:00">
<link rel="canonical" href="https://news.example.com/a/1.html">
</head>
<body>
<div class="nav"><a href="/">首页</a> <a href="/gn">国内</a> <a href="/gj">国际</a> <a href="/cj">财经</a></div>
<div class="main">
  <h1>全市新开工项目持续增加</h1>
  <div class="info">2019-09-08 00:20:15 来源: 每日经济新闻 <a href="#">举报</a></div>
  <div class="article-content">
    <p>本报记者 王小明</p>
    ${para(1)}${para(2)}${para(3)}${para(4)}
    <p>责任编辑：张三_NB1234</p>
  </div>
  <div class="related"><h3>相关新闻</h3><ul>
    <li><a href="/1">另一条新闻的标题在这里</a></li><li><a href="/2">又一条新闻的标题在这里</a></li>
  </ul></div>
  <div id="comments"><p>网友甲：这个项目真好，我家门口也有！</p><p>网友乙：什么时候开工？</p></div>
</div>
<script>var title = "脚本里的中文不该出现";</script>
<div class="footer">Copyright © 某某新闻网 版权所有</div>
</body></html>`;

describe('web pages (html: auto)', () => {
  const r = normalize(page);

  it('keeps the article text and leaves navigation, related links, comments and footer out', () => {
    expect(r.text).toContain('第1段：记者从有关部门获悉');
    expect(r.text).toContain('第4段');
    for (const gone of ['首页', '另一条新闻', '网友甲', 'Copyright', '脚本里的中文'])
      expect(r.text).not.toContain(gone);
  });

  it('records what it left out with a kind and raw offsets', () => {
    const kinds = new Set(r.removed.map((x) => x.kind));
    expect(kinds).toContain('navigation');
    expect(kinds).toContain('related');
    expect(kinds).toContain('comments');
    expect(kinds).toContain('footer');
    for (const x of r.removed) {
      const raw = page.slice(x.start, x.end);
      expect(raw.replace(/<[^>]*>/g, '').replace(/\s+/g, '')).toContain(
        x.text.replace(/\s+/g, '').slice(0, 4),
      );
    }
    expect(r.removed.some((x) => x.text.includes('脚本里的中文'))).toBe(false);
  });

  it('maps normalized offsets back into the raw page', () => {
    const at = r.text.indexOf('第3段');
    const raw = r.map.toRaw(at);
    expect(page.slice(raw, raw + 3)).toBe('第3段');
  });

  it('reads the page metadata', () => {
    expect(r.web).toMatchObject({
      format: 'html',
      title: '全市新开工项目持续增加',
      publishedAt: '2019-09-08T00:20:15+08:00',
      source: '每日经济新闻',
      canonicalUrl: 'https://news.example.com/a/1.html',
    });
    expect(r.web?.editors).toEqual([{ name: '张三', role: '责任编辑' }]);
    expect(r.web?.header.some((l) => l.includes('来源'))).toBe(true);
  });

  it('takes the time from the date line, in China time, when no meta tag gives one', () => {
    const noMeta = page.replace(/<meta property[^>]*>/, '');
    expect(normalize(noMeta).web?.publishedAt).toBe('2019-09-08T00:20:15+08:00');
  });

  it('converts a UTC time to China time', () => {
    const utc = page.replace('2019-09-08T00:20:15+08:00', '2019-09-07T16:20:15Z');
    expect(normalize(utc).web?.publishedAt).toBe('2019-09-08T00:20:15+08:00');
  });

  it('drops the site name from <title> when no heading shows the title', () => {
    const noH1 = page.replace(/<h1>.*?<\/h1>/, '');
    expect(normalize(noH1).web?.title).toBe('全市新开工项目持续增加');
  });

  it('takes the <h1> when the <title> is only the site name', () => {
    const generic = page.replace(
      '<title>全市新开工项目持续增加_某某新闻网</title>',
      '<title>某某新闻网</title>',
    );
    expect(normalize(generic).web?.title).toBe('全市新开工项目持续增加');
  });

  it('prefers the headline to a site logo in <h1>', () => {
    const logo = page
      .replace('<body>', '<body><h1><a href="/">某某新闻网</a></h1>')
      .replace(/<h1>全市/, '<h2 class="title">全市')
      .replace('增加</h1>', '增加</h2>');
    expect(normalize(logo).web?.title).toBe('全市新开工项目持续增加');
  });

  it('is told apart by content type and file name', () => {
    const fragment = '<div>一段文字。</div>';
    expect(normalize(fragment, {}, { contentType: 'text/html' }).web?.format).toBe('html');
    expect(normalize(fragment, {}, { uri: 'page.html' }).web?.format).toBe('html');
    expect(normalize('一段文字。').web).toBeUndefined();
  });

  it('keeps all the text with html: "strip"', () => {
    const s = normalize(page, { html: 'strip' });
    expect(s.text).toContain('网友甲');
    expect(s.web).toBeUndefined();
  });
});

describe('other pages', () => {
  it('converts a traditional page and its metadata to simplified', () => {
    const trad = `<html><head><title>經濟穩定增長_新聞網</title></head><body><h1>經濟穩定增長</h1><div>來源：聯合報</div><div>${'<p>今年以來，全市經濟穩定增長，投資結構不斷優化。</p>'.repeat(4)}</div></body></html>`;
    const r = normalize(trad);
    expect(r.script).toBe('hant');
    expect(r.web).toMatchObject({ title: '经济稳定增长', source: '联合报' });
    expect(r.text).toMatch(/^今年以来，全市经济稳定增长/);
  });

  it('leaves a comment field out of the content', () => {
    const body = '<p>今年以来，全市经济稳定增长，投资结构不断优化，重点领域保持较快增长。</p>'.repeat(4);
    const r = normalize(
      `<html><body><div class="text">${body}<div><span>我要跟帖</span><div><textarea></textarea>已输入<span>0</span>字</div></div></div></body></html>`,
    );
    expect(r.text).not.toMatch(/跟帖|已输入/);
  });

  it('keeps the whole text of a page without prose (a list of links)', () => {
    const items = Array.from({ length: 30 }, (_, i) => `<li><a href="/${i}">新闻标题第${i}条</a></li>`).join(
      '',
    );
    const r = normalize(`<html><body><ul>${items}</ul></body></html>`);
    expect(r.text.split('\n\n')).toHaveLength(30);
  });
});

describe('bad HTML', () => {
  it('survives unclosed tags', () => {
    const r = normalize(`<html><body><div><p>第一段没有闭合。<div><span>第二段。<p>第三段，也没有闭合。`);
    expect(r.text).toContain('第一段没有闭合。');
    expect(r.text).toContain('第三段，也没有闭合。');
  });

  it('never leaks script or style text, even unclosed', () => {
    const r = normalize(
      `<html><body>${para(1)}<script>document.write("<p>脚本中文</p>")</script><style>p{content:"样式中文"}</style>${para(2)}<script>var a="未闭合脚本中文";`,
    );
    expect(r.text).toContain('第1段');
    expect(r.text).not.toMatch(/脚本中文|样式中文|未闭合脚本/);
    expect(r.removed.map((x) => x.text).join('')).not.toMatch(/脚本中文|样式中文|未闭合脚本/);
  });

  it('decodes entities', () => {
    const r = normalize(
      `<html><body><p>中&#x56FD;&amp;世界&nbsp;合作&lt;共赢&gt;，&#20013;文。</p></body></html>`,
    );
    expect(r.text).toBe('中国&世界 合作<共赢>，中文。');
  });

  it('reads upper-case tags', () => {
    const r = normalize(
      `<HTML><BODY><DIV CLASS="NAV"><A HREF="/">首页</A></DIV>${para(1).toUpperCase()}${para(2)}</BODY></HTML>`,
    );
    expect(r.text).toContain('第1段');
    expect(r.text).not.toContain('首页');
  });

  it('ignores frames and iframes', () => {
    const r = normalize(
      `<html><frameset><frame src="a.html"><noframes>框架里的文字</noframes></frameset><body><iframe>内嵌框架文字</iframe>${para(1)}</body></html>`,
    );
    expect(r.text).not.toMatch(/框架里的文字|内嵌框架文字/);
    expect(r.text).toContain('第1段');
  });

  it('finds 1 KB of text in 10 MB of markup', () => {
    const filler =
      `<div class="x" data-state="${'0123456789'.repeat(40)}"><span></span><a href="#"></a></div>`.repeat(
        22_000,
      );
    const deep = '<div>'.repeat(20_000);
    const r = normalize(
      `<html><body>${filler}${deep}${para(1)}${para(2)}${para(3)}${para(4)}${para(5)}${para(6)}</body></html>`,
    );
    expect(r.text).toContain('第1段');
    expect(r.text).toContain('第6段');
  });

  it('gives an empty text, not a crash, for markup without text', () => {
    expect(normalize('<html><body><div></div></body></html>').text).toBe('');
  });
});
