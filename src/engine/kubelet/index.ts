// The kubelet: one per node, with its containerd. See CONTEXT.md.

export { Kubelet, createKubelet } from './kubelet';
