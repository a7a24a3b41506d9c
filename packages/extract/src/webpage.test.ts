import { describe, expect, it } from 'vitest';
import { isWebPage, readWebPage } from './webpage.js';

const nav = ['首页', '新闻', '财经', '体育', '娱乐', '科技', '汽车', '房产', '登录', '注册'];
const page = [
  '某市启动老旧小区改造三年行动_某某新闻网',
  ...nav,
  '某市启动老旧小区改造三年行动',
  '2024-05-06 10:20 来源：某某日报',
  '某某日报讯（记者 张明）记者从市住建局获悉，今年全市将改造老旧小区120个，惠及居民5万户。',
  '改造内容包括加装电梯、更新管网和增设停车位，工程将于年底前完工。',
  '市住建局有关负责人表示，将广泛听取居民意见，做到改一片、成一片。',
  '责任编辑：王小红',
  ...nav,
  ...nav,
  ...nav,
].join('\n');

describe('web pages kept as their visible text', () => {
  it('tells a web page from a page of articles', () => {
    expect(isWebPage(page)).toBe(true);
    expect(isWebPage('标题\n\n本报记者 张明\n\n正文第一段。\n\n正文第二段。')).toBe(false);
  });

  it('reads the headline the document title names, the date and the reporter; the web editor is no reporter', () => {
    const web = readWebPage(page);
    expect(web?.date).toBe('2024-05-06');
    expect(web?.split.title).toBe('某市启动老旧小区改造三年行动');
    expect(web?.split.byline.reporters).toEqual([{ name: '张明', role: '记者' }]);
    expect(web?.split.paragraphs.slice(0, 3).map((p) => p.text)).toEqual([
      '记者从市住建局获悉，今年全市将改造老旧小区120个，惠及居民5万户。',
      '改造内容包括加装电梯、更新管网和增设停车位，工程将于年底前完工。',
      '市住建局有关负责人表示，将广泛听取居民意见，做到改一片、成一片。',
    ]);
  });
});
