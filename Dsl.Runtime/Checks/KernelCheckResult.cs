namespace Dsl.Checks;

/// <summary>The outcome of one self-check and what it saw.</summary>
/// <param name="Outcome">Passed, failed, or could not run.</param>
/// <param name="Detail">The check's finding or why it could not run.</param>
public sealed record KernelCheckResult(KernelCheckOutcome Outcome, string Detail);
