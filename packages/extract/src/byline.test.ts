import { describe, expect, it } from 'vitest';
import { parseByline } from './byline.js';

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
