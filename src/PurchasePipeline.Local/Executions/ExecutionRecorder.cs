using DuckDB.NET.Data;
using PurchasePipeline.States;

namespace PurchasePipeline.Local.Executions;

/// <summary>Stores one execution's history events as the engine reports them, then its outcome.</summary>
public sealed class ExecutionRecorder : IExecutionListener, IDisposable
{
    private readonly DuckDBConnection connection;
    private readonly string executionId;
    private int sequence;

    internal ExecutionRecorder(DuckDBConnection connection, string executionId)
    {
        this.connection = connection;
        this.executionId = executionId;
    }

    public void OnEvent(HistoryEvent historyEvent)
    {
        ArgumentNullException.ThrowIfNull(historyEvent);
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO execution_events VALUES ($1, $2, $3, $4::TIMESTAMP, $5, $6, $7, $8)";
        foreach (var value in new object?[]
        {
            executionId, ++sequence, historyEvent.Type.ToString(), historyEvent.Timestamp.UtcDateTime,
            historyEvent.StateName, historyEvent.Payload?.ToJsonString(), historyEvent.Error, historyEvent.Cause,
        })
        {
            command.Parameters.Add(new DuckDBParameter(value ?? DBNull.Value));
        }

        command.ExecuteNonQuery();
    }

    /// <summary>Records how the execution ended.</summary>
    public void Complete(ExecutionResult result, DateTimeOffset stoppedAt)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE executions SET status = $1, stopped_at = $2::TIMESTAMP, output = $3, error = $4, cause = $5, state_transitions = $6 WHERE execution_id = $7";
        foreach (var value in new object?[]
        {
            StatusName(result.Status), stoppedAt.UtcDateTime, result.Output?.ToJsonString(), result.Error, result.Cause, result.StateTransitions, executionId,
        })
        {
            command.Parameters.Add(new DuckDBParameter(value ?? DBNull.Value));
        }

        command.ExecuteNonQuery();
    }

    public void Dispose() => connection.Dispose();

    /// <summary>The console's status names.</summary>
    public static string StatusName(ExecutionStatus status) => status switch
    {
        ExecutionStatus.Succeeded => "SUCCEEDED",
        ExecutionStatus.Failed => "FAILED",
        ExecutionStatus.TimedOut => "TIMED_OUT",
        ExecutionStatus.Aborted => "ABORTED",
        _ => "RUNNING",
    };
}
