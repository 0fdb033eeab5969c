/** Things to release, in reverse order of acquisition; each failure is reported and the rest still run. */
export class CleanupStack {
  private readonly steps: { name: string; run: () => unknown }[] = [];

  push(name: string, run: () => unknown): void {
    this.steps.push({ name, run });
  }

  async runAll(onError: (name: string, error: unknown) => void): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step.run();
      } catch (error) {
        onError(step.name, error);
      }
    }
  }
}
