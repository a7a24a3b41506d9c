import { describe, expect, it } from 'vitest';
import { parseByline, parseBylineLine, parseBylineMatch, parseTrailingCredit } from './byline.js';

describe('parseByline', () => {
  it('reads a 本报讯 lead with several reporters', () => {
    expect(parseByline('本报讯（重庆日报记者 李立成 张莎 余振芳 唐琴）连日来')).toEqual({
      text: '本报讯（重庆日报记者 李立成 张莎 余振芳 唐琴）',
      reporters: [
        { name: '李立成', role: '记者' },
        { name: '张莎', role: '记者' },
        { name: '余振芳', role: '记者' },
        { name: '唐琴', role: '记者' },
      ],
      agency: '重庆日报',
    });
  });

  it('reads roles: 首席记者, 实习生', () => {
    expect(parseByline('本报（新重庆-重庆日报记者 张珺 实习生 程俊豪）9月2日至3日')?.reporters).toEqual([
      { name: '张珺', role: '记者' },
      { name: '程俊豪', role: '实习生' },
    ]);
    expect(parseByline('□新重庆-重庆日报首席记者 周尤')).toEqual({
      text: '□新重庆-重庆日报首席记者 周尤',
      reporters: [{ name: '周尤', role: '首席记者' }],
      agency: '新重庆-重庆日报',
    });
  });

  it('reads an unsigned commentary byline: the agency, no reporter', () => {
    expect(parseByline('□新重庆-重庆日报评论员')).toEqual({
      text: '□新重庆-重庆日报评论员',
      reporters: [],
      agency: '新重庆-重庆日报',
    });
  });

  it('reads 本报 with no paper named, and a space before the bracket', () => {
    expect(parseByline('本报讯 （记者 杨铌紫）5月2日')).toEqual({
      text: '本报讯 （记者 杨铌紫）',
      reporters: [{ name: '杨铌紫', role: '记者' }],
      agency: '本报',
    });
  });

  it('reads wire-service and dated leads', () => {
    expect(parseByline('新华社北京6月1日电（记者 王小明 李华）国务院新闻办公室1日发布')).toEqual({
      text: '新华社北京6月1日电（记者 王小明 李华）',
      reporters: [
        { name: '王小明', role: '记者' },
        { name: '李华', role: '记者' },
      ],
      agency: '新华社',
    });
    expect(parseByline('本报北京6月1日电（记者 张三）')?.agency).toBe('本报');
  });

  it('reads a closing 「本组文字由……采访整理」 credit', () => {
    expect(parseByline('(本组文字由新重庆-重庆日报记者唐琴、余振芳采访整理)')?.reporters).toEqual([
      { name: '唐琴', role: '记者' },
      { name: '余振芳', role: '记者' },
    ]);
  });

  it('reads a photo credit as 摄影', () => {
    expect(parseByline('记者 崔力 摄/视觉重庆')).toEqual({
      text: '记者 崔力 摄/视觉重庆',
      reporters: [{ name: '崔力', role: '摄影' }],
      agency: '视觉重庆',
    });
  });

  it('returns undefined for body text', () => {
    expect(parseByline('本报记者从团市委了解到，川渝两地联合开展就业服务。')).toBeUndefined();
  });
});

describe('bylines in the common forms', () => {
  it('reads a staff byline on its own line, with a space inside two-character names', () => {
    expect(parseByline('本报记者 张 明 王小红')).toEqual({
      text: '本报记者 张 明 王小红',
      reporters: [
        { name: '张明', role: '记者' },
        { name: '王小红', role: '记者' },
      ],
      agency: '本报',
    });
    expect(parseByline('新华社记者 李强、赵刚')?.reporters.map((r) => r.name)).toEqual(['李强', '赵刚']);
    expect(parseByline('人民网记者 刘洋')?.agency).toBe('人民网');
  });

  it('keeps each role: 记者, 通讯员, 实习生', () => {
    expect(parseByline('记者 张明 通讯员 王小红 实习生 李华')?.reporters).toEqual([
      { name: '张明', role: '记者' },
      { name: '王小红', role: '通讯员' },
      { name: '李华', role: '实习生' },
    ]);
  });

  it('reads an unsigned commentary byline and a wire byline without names', () => {
    expect(parseByline('本报评论员')).toEqual({ text: '本报评论员', reporters: [], agency: '本报' });
    expect(parseByline('新华社记者')).toEqual({ text: '新华社记者', reporters: [], agency: '新华社' });
  });

  it('reads 文/ and 图/ credits, the photographer as 摄影', () => {
    expect(parseByline('文/张明 图/王小红')?.reporters).toEqual([
      { name: '张明', role: '记者' },
      { name: '王小红', role: '摄影' },
    ]);
  });

  it('reads a dateline lead without a bracket, a broadcast lead and a relayed lead', () => {
    expect(parseBylineMatch('新华社北京10月19日电 国务院今天发布通知。')).toEqual({
      byline: { text: '新华社北京10月19日电', reporters: [], agency: '新华社' },
      rest: '国务院今天发布通知。',
    });
    expect(parseBylineMatch('央视网消息（新闻联播）：今天上午，会议在京召开。')?.byline.agency).toBe(
      '央视网',
    );
    expect(parseBylineMatch('据新华社电 会议指出。')?.byline).toEqual({
      text: '据新华社电',
      reporters: [],
      agency: '新华社',
    });
  });

  it('reads an outlet lead with a bracketed credit, and a credit before the lead', () => {
    expect(parseBylineMatch('某某晚报讯（记者 张明）昨日，市里召开会议。')).toEqual({
      byline: {
        text: '某某晚报讯（记者 张明）',
        reporters: [{ name: '张明', role: '记者' }],
        agency: '某某晚报',
      },
      rest: '昨日，市里召开会议。',
    });
    expect(parseBylineMatch('（记者王小红）10月19日，展览开幕。')?.byline.reporters).toEqual([
      { name: '王小红', role: '记者' },
    ]);
  });

  it('reads names alone only when asked (a line under a headline)', () => {
    expect(parseBylineLine('张 明 王小红')).toBeUndefined();
    expect(parseBylineLine('张 明 王小红', { nameOnly: true })?.reporters.map((r) => r.name)).toEqual([
      '张明',
      '王小红',
    ]);
    expect(parseBylineLine('发展新格局', { nameOnly: true })).toBeUndefined();
  });

  it('does not read a sentence or an unfinished list of names as a byline', () => {
    expect(parseByline('记者张明、王小红、')).toBeUndefined();
    expect(parseByline('记者了解到，活动将持续一周。')).toBeUndefined();
  });
});

describe('parseTrailingCredit', () => {
  it('reads a wire credit at the end of an article: dateline and reporters', () => {
    expect(parseTrailingCredit('全文完。（新华社北京10月19日电 记者张明、王小红）')).toEqual({
      text: '（新华社北京10月19日电 记者张明、王小红）',
      start: 4,
      byline: {
        text: '（新华社北京10月19日电 记者张明、王小红）',
        reporters: [
          { name: '张明', role: '记者' },
          { name: '王小红', role: '记者' },
        ],
        agency: '新华社',
      },
      dateline: '北京10月19日电',
    });
  });

  it('reads a dateline alone and a credit of an interview written up by a reporter', () => {
    expect(parseTrailingCredit('结束。（本报柏林10月19日电）')?.dateline).toBe('柏林10月19日电');
    expect(parseTrailingCredit('（作者为某校教师，本报记者张明采访整理）')?.byline.reporters).toEqual([
      { name: '张明', role: '记者' },
    ]);
  });

  it('leaves a bracket that credits nobody', () => {
    expect(parseTrailingCredit('会议在京召开（资料图）')).toBeUndefined();
  });
});
