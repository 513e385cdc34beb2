using Microsoft.Extensions.Logging;

namespace PurchasePipeline.Functions.Logging;

/// <summary>The handlers' log lines; the execution, state and trace come from the invocation's scope.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Task started")]
    public static partial void TaskStarted(ILogger logger);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Task succeeded")]
    public static partial void TaskSucceeded(ILogger logger);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Task failed: {Error}: {Reason}")]
    public static partial void TaskFailed(ILogger logger, string error, string reason);
}
