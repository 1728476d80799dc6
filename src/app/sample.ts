/** The YAML the editor opens with: the Deployment a first lesson applies. */
export const SAMPLE_DEPLOYMENT = `# A Deployment asks for 3 copies of an nginx Pod.
# Press Apply (or Ctrl+Enter) and watch the control plane create them.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
`;
