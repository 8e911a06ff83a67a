import { describe, expect, it } from 'vitest';
import { editorCommand } from '../../../src/lessons/runner/external-editor.js';

// npm exports its `editor` config as $EDITOR; the config defaults to "vi" (Unix) or
// notepad.exe (Windows) when the user set neither $EDITOR nor $VISUAL (npm docs, config "editor").
describe('editorCommand: only an editor the learner chose counts', () => {
  it('ignores the EDITOR=vi that npx injects when the user set none', () => {
    expect(editorCommand({ EDITOR: 'vi', npm_command: 'exec' })).toBeUndefined();
    expect(editorCommand({ EDITOR: 'C:\\Windows\\notepad.exe', npm_execpath: '/x/npm-cli.js' })).toBeUndefined();
  });
  it('keeps an editor the user set, under npm or not', () => {
    expect(editorCommand({ EDITOR: 'nano', npm_command: 'exec' })).toBe('nano');
    expect(editorCommand({ VISUAL: 'vi', EDITOR: 'vi', npm_command: 'exec' })).toBe('vi');
    expect(editorCommand({ EDITOR: 'vi' })).toBe('vi');
    expect(editorCommand({ VISUAL: 'code --wait' })).toBe('code --wait');
  });
  it('is undefined when nothing is set', () => {
    expect(editorCommand({})).toBeUndefined();
    expect(editorCommand({ EDITOR: '  ' })).toBeUndefined();
  });
});
