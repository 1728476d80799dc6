export { createDeploymentController, DEPLOYMENT_CONTROLLER } from './deploymentController';
