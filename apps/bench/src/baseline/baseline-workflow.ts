/** The least a workflow can be: the bench starts it to time a bare `client.workflow.start`. */
export async function baseline(): Promise<void> {}
