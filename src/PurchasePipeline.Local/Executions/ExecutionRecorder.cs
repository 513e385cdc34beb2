using DuckDB.NET.Data;
using PurchasePipeline.States;

namespace PurchasePipeline.Local.Executions;

/// <summary>Keeps one execution's history events as the engine reports them, and stores them with its outcome.</summary>
public sealed class ExecutionRecorder : IExecutionListener, IDisposable
{
    private readonly Func<DuckDBConnection> open;
    private readonly string executionId;
    private readonly List<HistoryEvent> events = [];
    private readonly int sequenceBefore;
    private readonly int transitionsBefore;

    /// <remarks>A redrive's recorder appends after the <paramref name="sequenceBefore"/> events and <paramref name="transitionsBefore"/> transitions already stored.</remarks>
    internal ExecutionRecorder(Func<DuckDBConnection> open, string executionId, int sequenceBefore = 0, int transitionsBefore = 0)
    {
        this.open = open;
        this.executionId = executionId;
        this.sequenceBefore = sequenceBefore;
        this.transitionsBefore = transitionsBefore;
    }

    public void OnEvent(HistoryEvent historyEvent)
    {
        ArgumentNullException.ThrowIfNull(historyEvent);
        lock (events)
        {
            events.Add(historyEvent);
        }
    }

    /// <summary>Stores the history (appended in bulk) and how the execution ended, in one transaction.</summary>
    public void Complete(ExecutionResult result, DateTimeOffset stoppedAt)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var connection = open();
        using var transaction = connection.BeginTransaction();
        using (var appender = connection.CreateAppender("execution_events"))
        {
            var sequence = sequenceBefore;
            foreach (var historyEvent in events)
            {
                appender.CreateRow()
                    .AppendValue(executionId)
                    .AppendValue(++sequence)
                    .AppendValue(historyEvent.Type.ToString())
                    .AppendValue(historyEvent.Timestamp.UtcDateTime)
                    .AppendValue(historyEvent.StateName)
                    .AppendValue(historyEvent.Payload?.ToJsonString())
                    .AppendValue(historyEvent.Error)
                    .AppendValue(historyEvent.Cause)
                    .EndRow();
            }
        }

        Write(connection, "UPDATE executions SET status = $1, stopped_at = $2::TIMESTAMP, output = $3, error = $4, cause = $5, state_transitions = $6 WHERE execution_id = $7",
            StatusName(result.Status), stoppedAt.UtcDateTime, result.Output?.ToJsonString(), result.Error, result.Cause, transitionsBefore + result.StateTransitions, executionId);
        transaction.Commit();
    }

    public void Dispose()
    {
        // Nothing is held open between Start and Complete.
    }

    /// <summary>The console's status names.</summary>
    public static string StatusName(ExecutionStatus status) => status switch
    {
        ExecutionStatus.Succeeded => "SUCCEEDED",
        ExecutionStatus.Failed => "FAILED",
        ExecutionStatus.TimedOut => "TIMED_OUT",
        ExecutionStatus.Aborted => "ABORTED",
        _ => "RUNNING",
    };

    private static void Write(DuckDBConnection connection, string sql, params object?[] values)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in values)
        {
            command.Parameters.Add(new DuckDBParameter(value ?? DBNull.Value));
        }

        command.ExecuteNonQuery();
    }
}
