// Name formats from k8s.io/apimachinery/pkg/util/validation, with their exact messages.

const dns1123LabelFmt = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const dns1123SubdomainFmt = `${dns1123LabelFmt}(\\.${dns1123LabelFmt})*`;
const labelRe = new RegExp(`^${dns1123LabelFmt}$`);
const subdomainRe = new RegExp(`^${dns1123SubdomainFmt}$`);

/** Returns the problems with a DNS-1123 subdomain (object names), empty when valid. */
export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push('must be no more than 253 characters');
  if (!subdomainRe.test(value)) {
    errs.push(
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '" +
        dns1123SubdomainFmt +
        "')",
    );
  }
  return errs;
}

/** Returns the problems with a DNS-1123 label (namespace names, container names), empty when valid. */
export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!labelRe.test(value)) {
    errs.push(
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '" +
        dns1123LabelFmt +
        "')",
    );
  }
  return errs;
}
