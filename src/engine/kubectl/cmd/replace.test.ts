import { describe, expect, it } from 'vitest';
import { emptyCluster, sh } from '../testing';

describe('kubectl replace', () => {
  const file = (replicas: number, rv = '') =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n${rv ? `  resourceVersion: "${rv}"\n` : ''}spec:\n  replicas: ${replicas}\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n`;

  it('replaces with the live resourceVersion when the file has none', () => {
    const e = emptyCluster();
    sh(e, 'kubectl create -f p.yaml', { 'p.yaml': file(1) });
    expect(sh(e, 'kubectl replace -f p.yaml', { 'p.yaml': file(3) }).stdout).toBe(
      'deployment.apps/web replaced\n',
    );
  });

  it('answers Conflict for a stale resourceVersion', () => {
    const e = emptyCluster();
    sh(e, 'kubectl create -f p.yaml', { 'p.yaml': file(1) });
    sh(e, 'kubectl label deploy web a=b');
    expect(sh(e, 'kubectl replace -f p.yaml', { 'p.yaml': file(3, '1') }).stderr).toBe(
      'Error from server (Conflict): error when replacing "p.yaml": Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again\n',
    );
  });

  it('answers NotFound for an object that does not exist', () => {
    expect(sh(emptyCluster(), 'kubectl replace -f p.yaml', { 'p.yaml': file(1) }).stderr).toBe(
      'Error from server (NotFound): error when replacing "p.yaml": deployments.apps "web" not found\n',
    );
  });
});
