// The API's objects the explorer reads and writes, named from the generated schema.
import type {components} from './schema.js';

type Schemas = components['schemas'];
/**
 * An install as the 2026 server sends it (SDK nuonco/nuon-python, `app_install.py`): `labels` since
 * 0.19.894, `lifecycle_phase` since 0.19.1006 (which dropped `status` and `status_description`),
 * `app_branch_id` since 0.19.1049, the composite health since 0.19.1093 (`app/install.go`).
 */
export type Install = Schemas['app.Install'] & {
	labels?: Record<string, string>;
	lifecycle_phase?: {phase?: string; description?: string; updated_at?: number};
	composite_health_status?: string;
	composite_health_status_description?: string;
	component_health_statuses?: Record<string, string>;
	app_branch_id?: string;
};
export type App = Schemas['app.App'];
export type InstallComponent = Schemas['app.InstallComponent'];
export type InstallComponentSummary = Schemas['app.InstallComponentSummary'];
export type InstallDeploy = Schemas['app.InstallDeploy'];
export type CompositeStatus = Schemas['app.CompositeStatus'];
export type RunnerJob = Schemas['app.RunnerJob'];
export type ActionWorkflowRun = Schemas['app.InstallActionWorkflowRun'];
export type RunnerJobExecution = Schemas['app.RunnerJobExecution'];
export type InstallActionWorkflow = Schemas['app.InstallActionWorkflow'];
export type ActionWorkflowStepConfig = Schemas['app.ActionWorkflowStepConfig'];
export type ActionWorkflowRunStep = Schemas['app.InstallActionWorkflowRunStep'];
export type LogStream = Schemas['app.LogStream'];
export type LogRecord = Schemas['app.OtelLogRecord'];
export type CliConfig = Schemas['service.CLIConfig'];
export type Workflow = Schemas['app.Workflow'];
export type WorkflowStep = Schemas['app.WorkflowStep'];
export type Component = Schemas['app.Component'];
export type Org = Schemas['app.Org'];
export type Account = Schemas['app.Account'];
export type WorkflowStepApproval = Schemas['app.WorkflowStepApproval'];
export type ApprovalResponse = Schemas['app.WorkflowStepApprovalResponse'];
