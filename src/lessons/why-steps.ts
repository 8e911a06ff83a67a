/** The wizard steps that have a "why" panel, in wizard order: each is marked `<!-- why: <step> -->` under one lesson's `## ` heading. */
export const WHY_STEPS = [
  'start',
  'key',
  'new-key',
  'current',
  'admins',
  'consumers',
  'access-iam',
  'access-principals',
  'access-account',
  'services',
  'regions',
  'actions',
  'review',
  'output',
] as const;

export type WhyStep = (typeof WHY_STEPS)[number];

/** A "why" panel's content. */
export interface WhyText {
  /** The section's heading. */
  readonly title: string;
  /** The section's markdown, without heading, marker or exercises. */
  readonly body: string;
  /** The lesson it comes from, for a "learn more: kms-wizard learn <id>" line. */
  readonly lessonId: string;
}

/** Where a "why" panel's text is in the compiled lessons: a page of one lesson. */
export interface WhyPage {
  readonly lessonId: string;
  /** The index of the page in the lesson's steps. */
  readonly step: number;
}
