// The synthetic organization the who-can CLI tests run on (test/fixtures/who-can/org):
// its directory, relative to the repository root the CLI runs in, and its key.
export const ORG_DIR = 'test/fixtures/who-can/org';
export const ORG_KEY = 'arn:aws:kms:eu-west-1:222222222222:key/mrk-1234abcd12ab34cd56ef1234567890ab';

/** One entry of `--json`'s "principalChanges", as diff and generate --from print it. */
export interface PrincipalChangeJson {
  kind: string;
  principal: string;
  change: string;
  action: string;
  via?: string;
  services?: string[];
}
