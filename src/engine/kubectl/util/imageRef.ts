// The image reference grammar of github.com/distribution/reference (ReferenceRegexp), which
// kubectl run checks before sending a pod: [registry[:port]/]path[:tag][@digest].

const alphaNumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const pathComponent = `${alphaNumeric}(?:${separator}${alphaNumeric})*`;
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domain = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[(?:[a-fA-F0-9:]+)\\])(?::[0-9]+)?`;
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
const name = `(?:${domain}/)?${pathComponent}(?:/${pathComponent})*`;
const reference = new RegExp(`^(${name})(?::(${tag}))?(?:@(${digest}))?$`);

/** Reports whether an image reference is well formed. */
export function isValidImageReference(image: string): boolean {
  return reference.test(image) && image.length <= 255 + 256;
}
