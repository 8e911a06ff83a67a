// Shell completion scripts for bash, zsh and fish, generated from the one
// command table (src/cli/commands-table.ts) and the catalogs, so a new
// command, flag, service or Region is completed without editing a script.
import { COMMANDS, GLOBAL_FLAGS, TOP_LEVEL_FLAGS, WIZARD, type CommandSpec, type FlagSpec, type ValueSource } from '../cli/commands-table.js';
import { ALL_REGIONS } from '../core/catalog/regions.js';
import { KMS_ACTIONS } from '../core/catalog/actions.js';
import { KMS_CONDITION_KEY_DATA } from '../core/catalog/kms-data.js';
import { allServiceNamesTyped } from '../core/catalog/service-principals.js';
import { GLOBAL_CONDITION_KEYS, GLOBAL_TAG_KEY_PREFIXES } from '../core/lint/global-keys.js';
import { ACCESS_MODES } from '../core/spec.js';
import { compiledLessonIndex } from '../lessons/lesson-index.js';
import { FORMAT_NAMES } from '../output/formats/index.js';

/** The words a named value source completes to; undefined for files, directories and free text. */
export function valueWords(source: ValueSource): readonly string[] | undefined {
  if (typeof source !== 'string') return source;
  switch (source) {
    case 'service':
      return allServiceNamesTyped();
    case 'region':
      return ALL_REGIONS;
    case 'output-format':
      return FORMAT_NAMES;
    case 'access':
      return ACCESS_MODES;
    case 'kms-action':
    case 'kms-action-list':
      return KMS_ACTIONS;
    case 'condition-key':
      return conditionKeyWords();
    case 'lesson':
      return compiledLessonIndex().map((l) => l.id);
    default:
      return undefined;
  }
}

/**
 * `--context KEY=VALUE` keys: the KMS condition keys of the catalog and the
 * global ones, each as `KEY=` so the value follows; a key named with a
 * placeholder (`kms:EncryptionContext:${EncryptionContextKey}`,
 * `aws:RequestTag/${TagKey}`) is offered as its prefix, to be finished by hand.
 */
function conditionKeyWords(): string[] {
  const keys = [...KMS_CONDITION_KEY_DATA.map((k) => k.key), ...GLOBAL_CONDITION_KEYS, ...GLOBAL_TAG_KEY_PREFIXES.map((p) => `${p}\${TagKey}`)];
  const words = keys.map((k) => {
    const placeholder = k.indexOf('${');
    return placeholder === -1 ? `${k}=` : k.slice(0, placeholder);
  });
  return [...new Set(words)].sort();
}

/** Value sources whose words end where the user goes on typing (`KEY=`, `A,B`): no space after them. */
const NO_SPACE_AFTER: ReadonlySet<ValueSource> = new Set<ValueSource>(['condition-key', 'kms-action-list']);

/** Value sources that take several words in one value, joined by commas (`--actions A,B`). */
const COMMA_LISTS: ReadonlySet<ValueSource> = new Set<ValueSource>(['kms-action-list']);

const ALL = [WIZARD, ...COMMANDS];
/** A command's flags; the wizard's are also the bare `kms-wizard`'s, so they include -v. */
const flagsOf = (c: CommandSpec): FlagSpec[] => [...c.flags, ...(c === WIZARD ? TOP_LEVEL_FLAGS : GLOBAL_FLAGS)];
const spellings = (f: FlagSpec) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])];

// ---------------------------------------------------------------- bash

const bashWords = (words: readonly string[]) => `'${words.join(' ')}'`;

function bashValue(source: ValueSource): string {
  const words = valueWords(source);
  const noSpace = NO_SPACE_AFTER.has(source) ? '; compopt -o nospace 2>/dev/null' : '';
  // A list completes its last item, the items before it kept (compgen -P).
  if (words && COMMA_LISTS.has(source)) return `local before=; if [[ $cur == *,* ]]; then before=\${cur%,*},; fi; COMPREPLY=($(compgen -P "$before" -W ${bashWords(words)} -- "\${cur##*,}"))${noSpace}`;
  if (words) return `COMPREPLY=($(compgen -W ${bashWords(words)} -- "$cur"))${noSpace}`;
  if (source === 'file') return 'compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))';
  if (source === 'dir') return 'compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur"))';
  return 'COMPREPLY=()';
}

export function bashScript(): string {
  const valueCases = ALL.flatMap((c) =>
    flagsOf(c)
      .filter((f) => f.value !== undefined)
      .map((f) => `    ${spellings(f).map((s) => `"${c.name} ${s}"`).join('|')}) ${bashValue(f.value!)}; return ;;`),
  );
  const flagCases = ALL.map((c) => `    ${c.name}) COMPREPLY=($(compgen -W ${bashWords(flagsOf(c).flatMap(spellings))} -- "$cur")) ;;`);
  const argCases = ALL.filter((c) => c.args).map((c) => `    ${c.name}) ${bashValue(c.args!)} ;;`);
  return `# bash completion for kms-wizard and npx kms-wizard, written by \`kms-wizard completion bash\`.
# Install: kms-wizard completion bash > ~/.local/share/bash-completion/completions/kms-wizard
#   and, for npx kms-wizard, the same script as .../completions/npx (bash-completion loads a
#   file by the command's name)
#      or: echo 'source <(kms-wizard completion bash)' >> ~/.bashrc

# The words up to the cursor, split at blanks only: readline's COMP_WORDS are also split at
# COMP_WORDBREAKS (the ":" of kms:Decrypt, the "=" of --flag=value, the "@" of kms-wizard@1),
# which would cut a value apart.
_kms_wizard() {
  local line=\${COMP_LINE:0:COMP_POINT}
  local -a w
  read -ra w <<< "$line"
  if [[ -z $line || $line == *[[:space:]] ]]; then w+=(''); fi
  # npx [flags] kms-wizard ...: complete what follows kms-wizard; npx running anything else gets file names.
  local i=0
  if [[ \${w[0]##*/} == npx ]]; then
    i=1
    while (( i < \${#w[@]} - 1 )) && [[ \${w[i]} == -* ]]; do (( i++ )); done
    if (( i >= \${#w[@]} - 1 )) || [[ \${w[i]} != kms-wizard && \${w[i]} != kms-wizard@* ]]; then
      compopt -o default 2>/dev/null
      COMPREPLY=()
      return
    fi
  fi
  w=("\${w[@]:i}")
  local n=\${#w[@]}
  local cur=\${w[n-1]} prev=\${w[n-2]} cmd=wizard
  if [[ $cur == --*=* ]]; then prev=\${cur%%=*}; cur=\${cur#*=}; fi
  # As in the CLI: the first word is the command unless it is a flag (then the wizard runs).
  if (( n > 2 )); then
    case \${w[1]} in
      ${ALL.map((c) => c.name).join('|')}) cmd=\${w[1]} ;;
    esac
  fi
  _kms_wizard_reply
  # readline replaces only what follows the last COMP_WORDBREAKS character of the word
  # (the "kms:" of kms:Decr stays): offer what follows it.
  local c rest head=
  for c in : = @; do
    [[ $COMP_WORDBREAKS == *"$c"* && $cur == *"$c"* ]] || continue
    rest=\${cur##*"$c"}
    if (( \${#cur} - \${#rest} > \${#head} )); then head=\${cur:0:\${#cur}-\${#rest}}; fi
  done
  if [[ -n $head ]]; then COMPREPLY=("\${COMPREPLY[@]#"$head"}"); fi
}

# COMPREPLY for the command $cmd, the previous word $prev and the word $cur.
_kms_wizard_reply() {
  case "$cmd $prev" in
${valueCases.join('\n')}
  esac
  if [[ $cur == -* ]]; then
    case $cmd in
${flagCases.join('\n')}
    esac
    return
  fi
  if (( n == 2 )); then
    COMPREPLY=($(compgen -W ${bashWords(ALL.map((c) => c.name))} -- "$cur"))
    return
  fi
  case $cmd in
${argCases.join('\n')}
  esac
}
complete -F _kms_wizard kms-wizard
complete -F _kms_wizard npx
`;
}

// ---------------------------------------------------------------- zsh

/** Text inside a zsh single-quoted _arguments description: no quotes or brackets. */
const zshText = (s: string) => s.replace(/'/g, '').replace(/[[\]]/g, '');

/** A word in an _arguments action: _arguments splits its specs at unescaped colons (kms:Decrypt). */
const zshWord = (w: string) => w.replace(/:/g, '\\:');

function zshAction(source: ValueSource): string {
  const words = valueWords(source)?.map(zshWord);
  // `KEY=` words: the value follows at once, with no space (compadd -S '').
  if (words && COMMA_LISTS.has(source)) return `_sequence compadd - ${words.join(' ')}`;
  if (words && NO_SPACE_AFTER.has(source)) return `{compadd -S "" -- ${words.join(' ')}}`;
  if (words) return `(${words.join(' ')})`;
  if (source === 'file') return '_files';
  if (source === 'dir') return '_files -/';
  return ' ';
}

function zshSpecs(c: CommandSpec): string[] {
  const specs = flagsOf(c).map((f) => {
    const names = spellings(f);
    // --help and --version end the command line; other flags exclude only their own spellings.
    const exclusion = f.name === 'help' || f.name === 'version' ? '(- *)' : names.length > 1 ? `(${names.join(' ')})` : '';
    const head = names.length > 1 ? `${exclusion}'{${names.join(',')}}'` : `${exclusion}${names[0]}`;
    const value = f.value === undefined ? '' : `:${zshText(f.name)}:${zshAction(f.value)}`;
    return `'${f.repeatable ? '*' : ''}${head}${f.value !== undefined && names.length === 1 ? '=' : ''}[${zshText(f.description)}]${value}'`;
  });
  if (c.args) specs.push(`'*:${c.name === 'completion' ? 'shell' : 'argument'}:${zshAction(c.args)}'`);
  return specs;
}

export function zshScript(): string {
  const commands = COMMANDS.map((c) => `    '${c.name}:${zshText(c.summary)}'`);
  const cases = ALL.map((c) => `      ${c.name}) _arguments -s \\\n        ${zshSpecs(c).join(' \\\n        ')} ;;`);
  return `#compdef kms-wizard npx
# zsh completion for kms-wizard and npx kms-wizard, written by \`kms-wizard completion zsh\`.
# Install: kms-wizard completion zsh > "\${fpath[1]}/_kms-wizard"  (then start a new shell)
#      or: echo 'source <(kms-wizard completion zsh)' >> ~/.zshrc  (after compinit)

# npx [flags] kms-wizard ...: complete what follows kms-wizard as kms-wizard's own words;
# npx running anything else gets file names.
_kms_wizard_npx() {
  local i=2
  while (( i < CURRENT )) && [[ \${words[i]} == -* ]]; do (( i++ )); done
  if (( i < CURRENT )) && [[ \${words[i]} == kms-wizard || \${words[i]} == kms-wizard@* ]]; then
    shift $(( i - 1 )) words
    (( CURRENT -= i - 1 ))
    _kms_wizard
  else
    _files
  fi
}

_kms_wizard() {
  local -a commands=(
${commands.join('\n')}
    'wizard:the interactive wizard (the default command)'
  )
  if (( CURRENT > 2 && \${commands[(I)\${words[2]}:*]} )); then
    local cmd=\${words[2]}
    shift words
    (( CURRENT-- ))
    case $cmd in
${cases.join('\n')}
    esac
    return
  fi
  local state
  _arguments -s \\
    ${zshSpecs(WIZARD).join(' \\\n    ')} \\
    '1:command:->command' && return
  [[ $state == command ]] && _describe -t commands 'kms-wizard command' commands
}

# Autoloaded from $fpath, this file is the body of _kms-wizard, run at every completion;
# sourced, it registers the functions.
if [[ \${funcstack[1]} == _kms-wizard ]]; then
  if [[ $service == npx ]]; then _kms_wizard_npx "$@"; else _kms_wizard "$@"; fi
else
  compdef _kms_wizard kms-wizard
  compdef _kms_wizard_npx npx
fi
`;
}

// ---------------------------------------------------------------- fish

/** A fish single-quoted string. */
const fishText = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function fishFlag(condition: string, f: FlagSpec): string {
  const parts = [`complete -c kms-wizard -n ${fishText(condition)}`, `-l ${f.name}`];
  if (f.short) parts.push(`-s ${f.short}`);
  if (f.value !== undefined) {
    const words = valueWords(f.value);
    if (words && COMMA_LISTS.has(f.value)) parts.push(`-x -a ${fishText(`(__kms_wizard_list "${words.join(' ')}")`)}`);
    else if (words) parts.push(`-x -a ${fishText(words.join(' '))}`);
    else if (f.value === 'file') parts.push('-r -F');
    else if (f.value === 'dir') parts.push(`-x -a ${fishText('(__fish_complete_directories (commandline -ct))')}`);
    else parts.push('-x');
  }
  parts.push(`-d ${fishText(f.description)}`);
  return parts.join(' ');
}

export function fishScript(): string {
  const names = COMMANDS.map((c) => c.name).join(' ');
  const atTop = `not __fish_seen_subcommand_from ${names} wizard`;
  const wizardCondition = `not __fish_seen_subcommand_from ${names}`;
  const lines = [
    '# fish completion for kms-wizard and npx kms-wizard, written by `kms-wizard completion fish`.',
    '# Install: kms-wizard completion fish > ~/.config/fish/completions/kms-wizard.fish',
    '#   and, for npx kms-wizard, the same script as ~/.config/fish/completions/npx.fish',
    '#   (fish loads a file by the command\'s name)',
    '',
    'complete -c kms-wizard -f',
    '# A comma-separated value (--actions A,B): each word after the items already typed.',
    'function __kms_wizard_list',
    "    set -l before (string match -r '.*,' -- (commandline -ct))",
    "    for word in (string split ' ' -- $argv[1])",
    '        echo $before$word',
    '    end',
    'end',
    ...[...COMMANDS, WIZARD].map((c) => `complete -c kms-wizard -n ${fishText(atTop)} -a ${c.name} -d ${fishText(c.summary)}`),
    ...TOP_LEVEL_FLAGS.map((f) => fishFlag(wizardCondition, f)),
    ...WIZARD.flags.map((f) => fishFlag(wizardCondition, f)),
  ];
  for (const c of COMMANDS) {
    const condition = `__fish_seen_subcommand_from ${c.name}`;
    lines.push('', ...[...c.flags, ...GLOBAL_FLAGS].map((f) => fishFlag(condition, f)));
    if (c.args) {
      const words = valueWords(c.args);
      if (words) lines.push(`complete -c kms-wizard -n ${fishText(`${condition}; and not __fish_seen_subcommand_from ${words.join(' ')}`)} -a ${fishText(words.join(' '))}`);
      else if (c.args === 'file') lines.push(`complete -c kms-wizard -n ${fishText(condition)} -F`);
    }
  }
  lines.push('', ...FISH_NPX);
  return `${lines.join('\n')}\n`;
}

/**
 * `npx [flags] kms-wizard ...`: the words after kms-wizard are completed as
 * `kms-wizard ...` is (complete -C); npx running anything else is left alone.
 */
const FISH_NPX = [
  '# The words after "npx [flags] kms-wizard"; fails when npx runs something else.',
  'function __kms_wizard_npx_args',
  '    set -l words (commandline -opc)',
  '    for i in (seq 2 (count $words))',
  '        switch $words[$i]',
  "            case '-*'",
  '                continue',
  "            case kms-wizard 'kms-wizard@*'",
  '                set -e words[1..$i]',
  "                printf '%s\\n' $words",
  '                return 0',
  '        end',
  '        return 1',
  '    end',
  '    return 1',
  'end',
  `complete -c npx -n '__kms_wizard_npx_args >/dev/null' -f -a '(complete -C (string join " " -- kms-wizard (string escape -- (__kms_wizard_npx_args)) (commandline -ct)))'`,
];

/** The scripts by shell name. */
export const COMPLETION_SCRIPTS: Readonly<Record<string, () => string>> = { bash: bashScript, zsh: zshScript, fish: fishScript };
