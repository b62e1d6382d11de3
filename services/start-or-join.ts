// One policy for a run that several doors may start for the same entity: a start while the run
// is open joins it (USE_EXISTING); once it has completed, a start is refused
// (ALLOW_DUPLICATE_FAILED_ONLY), which is answered as `closed` rather than thrown; a failed run
// may be started again (an operator's re-drive).
import { WorkflowExecutionAlreadyStartedError, type Client, type WorkflowStartOptions } from '@temporalio/client';

type JoinableOptions = Omit<WorkflowStartOptions, 'workflowIdConflictPolicy' | 'workflowIdReusePolicy'>;

export async function startOrJoin(temporal: Client, workflowType: string, options: JoinableOptions): Promise<{ closed: boolean }> {
  try {
    await temporal.workflow.start(workflowType, { ...options, workflowIdConflictPolicy: 'USE_EXISTING', workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY' } as WorkflowStartOptions);
    return { closed: false };
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return { closed: true };
    throw err;
  }
}
