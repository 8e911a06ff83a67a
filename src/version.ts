declare const __KMS_WIZARD_VERSION__: string;

/** The package version, inlined at build time from package.json. */
export const VERSION: string = __KMS_WIZARD_VERSION__;
