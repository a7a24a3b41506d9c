import { describe, expect, it } from 'vitest';
import { keptText } from './chars.js';

describe('keptText', () => {
  it('keeps letters and digits, drops punctuation, spaces and line breaks', () => {
    expect(keptText('本报讯 （记者 杨铌紫）\n“双城记”，共建经济圈！')).toBe(
      '本报讯记者杨铌紫双城记共建经济圈',
    );
  });

  it('folds full-width and upper-case letters and digits to lower-case ASCII', () => {
    expect(keptText('ＫＰＩ建设 ２０２４年 MicroLED')).toBe('kpi建设2024年microled');
  });

  it('keeps characters outside the BMP whole', () => {
    expect(keptText('𠮷野家')).toBe('𠮷野家');
  });
});
