// How the narration names components and objects: plain words a student reads aloud.

/** Returns a component's name as a sentence uses it ("the scheduler", "the kubelet on node-2"). */
export function componentPhrase(name: string): string {
  if (name === 'kube-apiserver') return 'the API server';
  if (name === 'kube-scheduler') return 'the scheduler';
  if (name === 'etcd' || name === 'kubectl') return name;
  const [kind, node] = name.split('/');
  if (kind === 'kubelet') return `the kubelet on ${node}`;
  if (kind === 'containerd') return `containerd on ${node}`;
  if (name.endsWith('-controller'))
    return `the ${name.slice(0, -'-controller'.length).replace(/-/g, ' ')} controller`;
  return name;
}

/** Capitalises the first letter of a sentence, except names always written lower-case. */
export function sentence(text: string): string {
  if (/^(kubectl|etcd|containerd)\b/.test(text)) return text;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Returns "Pod web-1" style object names; events are named by the object they are about. */
export function objectPhrase(kind: string | undefined, name: string | undefined): string {
  if (!kind) return name ?? 'the object';
  if (!name) return `a ${kind}`;
  // A pod posted with generateName has only the prefix as its name until the apiserver names it.
  if (name.endsWith('-')) return `a new ${kind} ${name}…`;
  if (kind === 'Event') return `an Event about ${name.replace(/\.[0-9a-f]+$/, '')}`;
  return `${kind} ${name}`;
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  504: 'Gateway Timeout',
};

/** Returns "409 Conflict" for a status code. */
export function statusPhrase(code: number): string {
  return `${code} ${STATUS_TEXT[code] ?? ''}`.trim();
}
