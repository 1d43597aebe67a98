import {describe, expect, it} from 'vitest';
import type {WorkflowStep} from '../../source/api/resources.js';
import {progressText, stepProgress} from '../../source/domain/workflow-steps.js';

const step = (status: string, retried = false): WorkflowStep => ({status: {status}, retried}) as WorkflowStep;

describe('workflow progress (the title, the progress bar and the workflows list)', () => {
	it('counts a retried step once: its failed attempt is not a step still to do', () => {
		// Five steps listed: four succeeded, one of them on its second attempt after a failed one.
		const steps = [step('success'), step('error', true), step('success'), step('success'), step('success')];
		expect(stepProgress(steps)).toEqual({done: 4, total: 4});
		expect(progressText(stepProgress(steps))).toBe('4/4');
	});

	it('counts what is still to run or failed as not done', () => {
		const steps = [step('success'), step('error'), step('in-progress'), step('pending')];
		expect(progressText(stepProgress(steps))).toBe('1/4');
	});

	it('says nothing for a workflow whose steps did not come', () => {
		expect(progressText(stepProgress(undefined))).toBe('—');
		expect(progressText(stepProgress('steps' as unknown as WorkflowStep[]))).toBe('—');
	});
});
