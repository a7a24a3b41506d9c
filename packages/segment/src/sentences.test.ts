import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.js';
import { seed } from './test-seeds.js';

const sentences = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits on 。！？；… and keeps the closing quote with its sentence (seed 001)', () => {
    const text =
      '“本届台湾周涵盖5大板块、18个分项活动，有四大特点。”市政府台办有关负责人表示，首先是突出服务中央对台工作大局，聚焦渝台融合发展。';
    expect(sentences(text)).toEqual([
      '“本届台湾周涵盖5大板块、18个分项活动，有四大特点。”',
      '市政府台办有关负责人表示，首先是突出服务中央对台工作大局，聚焦渝台融合发展。',
    ]);
  });

  it('closes 「……。”」 after the quote marks', () => {
    expect(sentences('他说：「要加快建设。”」随后离开。')).toEqual(['他说：「要加快建设。”」', '随后离开。']);
  });

  it('splits on ！？； and on an ellipsis', () => {
    expect(sentences('真的吗？太好了！第一；第二。画面……这个充满科技感的场景')).toEqual([
      '真的吗？',
      '太好了！',
      '第一；',
      '第二。',
      '画面……',
      '这个充满科技感的场景',
    ]);
  });

  it('does not split inside numbers (seed 004)', () => {
    expect(sentences('累计征集就业岗位9.4万余个，本季度新增2.1万个。')).toEqual([
      '累计征集就业岗位9.4万余个，本季度新增2.1万个。',
    ]);
  });

  it('makes headlines and list items sentences of their own (seed 003)', () => {
    const text =
      '重大项目提速建设\n\n今年上半年，川渝谋划实施一批重大项目。\n\n- 今年，川渝共同实施100项重大合作事项，共建300个重大项目\n- 嘉陵江利泽航运枢纽正式通航\n';
    expect(sentences(text)).toEqual([
      '重大项目提速建设',
      '今年上半年，川渝谋划实施一批重大项目。',
      '- 今年，川渝共同实施100项重大合作事项，共建300个重大项目',
      '- 嘉陵江利泽航运枢纽正式通航',
    ]);
  });

  it('trims whitespace and gives offsets into the input', () => {
    const text = '  第一句。  第二句\r\n\r\n   ';
    expect(splitSentences(text)).toEqual([
      { start: 2, end: 6 },
      { start: 8, end: 11 },
    ]);
    expect(splitSentences('   \n\n ')).toEqual([]);
  });

  it('finds the headline, subtitle and first sentences of seed 001', () => {
    expect(sentences(seed('001')).slice(0, 4)).toEqual([
      '第十六届“重庆·台湾周”9月10日开幕',
      '涵盖经贸合作等5大板块18个分项活动',
      '本报讯（新重庆-重庆日报首席记者 周尤）9月4日，记者从第十六届“重庆·台湾周”新闻发布会上获悉，本届台湾周将于9月9日至13日在重庆（南坪）国际会议展览中心举行，9月10日上午举行开幕式。',
      '据了解，本届台湾周以“共享新机遇 共创好未来”为主题，以加强两岸青年交流和促进同胞心灵契合为主线，涵盖了重要活动、经贸合作、文化交流、基层交往、青年交流5大板块，18个分项活动。',
    ]);
  });
});
