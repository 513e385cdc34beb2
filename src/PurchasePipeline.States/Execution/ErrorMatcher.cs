namespace PurchasePipeline.States.Execution;

/// <summary>
/// ErrorEquals matching, per "Error names" in https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html:
/// States.ALL matches every error but States.DataLimitExceeded (which only an explicit name matches) and
/// States.Runtime (never retried nor caught); States.TaskFailed matches every error but the timeouts;
/// States.Timeout also matches States.HeartbeatTimeout, a missed heartbeat being a task timeout.
/// </summary>
internal static class ErrorMatcher
{
    public static bool Matches(IReadOnlyList<string> errorEquals, string error) =>
        error != ErrorNames.Runtime && errorEquals.Any(name => Matches(name, error));

    private static bool Matches(string name, string error) => name switch
    {
        _ when name == error => true,
        ErrorNames.All => error != ErrorNames.DataLimitExceeded,
        ErrorNames.TaskFailed => error is not (ErrorNames.Timeout or ErrorNames.HeartbeatTimeout or ErrorNames.DataLimitExceeded),
        ErrorNames.Timeout => error == ErrorNames.HeartbeatTimeout,
        _ => false,
    };
}
