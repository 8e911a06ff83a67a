import { describe, expect, it } from 'vitest';
import { LessonFormatError } from '../../../src/lessons/lesson-format-error.js';
import { parseLesson } from '../../../src/lessons/parse-lesson.js';

const FRONT = ['---', 'id: sample', 'title: Sample', 'summary: A sample.', 'minutes: 3', 'sources:', '  - https://docs.aws.amazon.com/kms/', '---'];
const KEY = '{"Version": "2012-10-17", "Statement": []}';
const predict = (id: string, extra: string[] = []) => [
  '```exercise', `id: ${id}`, 'kind: predict', 'title: T', 'prompt: P', 'hints: [h]', 'explain: E', `keyPolicy: '${KEY}'`,
  'request:', '  principal: arn:aws:iam::111122223333:user/John', '  action: kms:Decrypt', ...extra, '```',
];
const lesson = (...body: string[][]) => [...FRONT, 'Intro text.', '', '## Page two', 'More.', '', ...body.flat()].join('\n');

function formatError(text: string, file = '01-sample.md'): LessonFormatError {
  try {
    parseLesson(text, file);
  } catch (err) {
    if (err instanceof LessonFormatError) return err;
    throw err;
  }
  throw new Error('expected a LessonFormatError');
}

describe('parseLesson', () => {
  it('turns pages and exercises into steps, in file order', () => {
    const l = parseLesson(lesson(predict('one'), predict('two', ['  viaService: {service: ebs, region: eu-west-1}'])), '01-sample.md');
    expect(l).toMatchObject({ id: 'sample', order: 1, title: 'Sample', minutes: 3 });
    expect(l.steps.map((s) => (s.kind === 'page' ? `page:${s.title}` : `exercise:${s.exercise.id}`))).toEqual([
      'page:Sample', 'page:Page two', 'exercise:one', 'exercise:two',
    ]);
    expect(l.exercises[1]).toMatchObject({ kind: 'predict', request: { viaService: { service: 'ebs', region: 'eu-west-1' } } });
    expect(l.exercises[0]!.keyArn).toMatch(/^arn:aws:kms:us-east-1:111122223333:key\//);
  });

  it.each([
    ['a file name without a number', lesson(predict('a'), predict('b')), 'sample.md', /named NN-<id>\.md/],
    ['an id that does not match the file', lesson(predict('a'), predict('b')), '01-other.md', /does not match the file name/],
    ['fewer than two exercises', lesson(predict('a')), '01-sample.md', /at least two exercises/],
    ['duplicate exercise ids', lesson(predict('a'), predict('a')), '01-sample.md', /two exercises have the id "a"/],
  ])('refuses %s', (_, text, file, message) => {
    expect(formatError(text, file).message).toMatch(message);
  });

  it('names the file and line of an unknown exercise field, with a suggestion', () => {
    const text = lesson(predict('a'), predict('b', ['hint: typo']));
    const err = formatError(text);
    expect(err.message).toMatch(/^01-sample\.md:\d+: exercise "b": unknown field "hint" \(did you mean "hints"\?\)/);
    expect(text.split('\n')[err.line - 1]).toBe('id: b');
  });

  it('refuses a service the catalog does not know, a policy that is not JSON, and a choose without {{value}}', () => {
    expect(formatError(lesson(predict('a'), predict('b', ['  viaService: {service: nosuch, region: us-east-1}']))).message).toMatch(
      /"nosuch" is not a service in the catalog/,
    );
    const brokenJson = lesson(predict('a'), predict('b')).replace(`'${KEY}'`, `'{"Version": '`);
    expect(formatError(brokenJson).message).toMatch(/exercise "a": keyPolicy is not valid JSON/);
    const choose = ['```exercise', 'id: c', 'kind: choose', 'title: T', 'prompt: P', 'hints: [h]', 'explain: E', `keyPolicy: '${KEY}'`, 'into: key', 'options: [a, b]',
      'goals:', '  - label: L', '    expect: Allow', '    request: {principal: "arn:aws:iam::111122223333:user/J", action: "kms:Decrypt"}', '```'];
    expect(formatError(lesson(predict('a'), choose)).message).toMatch(/must contain \{\{value\}\}/);
  });

  it('reports YAML syntax errors at their line in the file', () => {
    const text = lesson(predict('a'), ['```exercise', 'id: b', 'kind: [predict', '```']);
    const err = formatError(text);
    expect(err.message).toMatch(/exercise YAML/);
    expect(err.line).toBeGreaterThan(FRONT.length);
  });
});
