namespace PurchasePipeline.States.Execution;

/// <summary>
/// An error raised while a state runs, named as the States language names it (States.Runtime,
/// a task's own error, a Fail state's Error, ...). Retry and Catch match on <see cref="Error"/>.
/// </summary>
internal sealed class StatesError : Exception
{
    public StatesError(string error, string? cause)
        : base(cause is null ? error : error + ": " + cause)
    {
        Error = error;
        Cause = cause;
    }

    /// <summary>The error name; empty for a Fail state without one.</summary>
    public string Error { get; }

    public string? Cause { get; }
}
