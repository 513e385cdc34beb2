using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace PurchasePipeline.Functions.Logging;

/// <summary>
/// A logger that writes one JSON object per line, the shape of Lambda's JSON log format (timestamp, level,
/// message) with Powertools-style snake_case fields: the message template's placeholders (ExecutionId →
/// execution_id), the fields of the scopes around the call (<see cref="BeginScope{TState}"/> with key/value
/// pairs), and fixed ones (function_name). Reflection-free, so the Lambda stays AOT-friendly.
/// </summary>
/// <remarks>
/// Written by hand instead of Microsoft.Extensions.Logging.Console's JSON formatter, which is not a package of
/// this repository and nests the fields under "State"; Lambda's own log format and Powertools put them at the
/// top level (docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-advanced.html; Powertools for AWS
/// Lambda (.NET), "Logging": function_name, function_request_id, xray_trace_id).
/// </remarks>
public sealed class JsonLineLogger(TextWriter output, TimeProvider time, IReadOnlyList<KeyValuePair<string, object?>>? fields = null, LogLevel minimum = LogLevel.Information) : ILogger
{
    private readonly AsyncLocal<Scope?> scopes = new();

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull
    {
        var scope = new Scope(this, scopes.Value, state as IEnumerable<KeyValuePair<string, object?>> ?? []);
        scopes.Value = scope;
        return scope;
    }

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimum;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("level", Level(logLevel));
            json.WriteString("message", formatter(state, exception));
            var written = new HashSet<string>(["timestamp", "level", "message"], StringComparer.Ordinal);
            foreach (var (name, value) in (state as IEnumerable<KeyValuePair<string, object?>> ?? []).Concat(ScopeFields()).Concat(fields ?? []))
            {
                // {OriginalFormat} is the template; a name already written keeps its innermost value.
                var field = SnakeCase(name);
                if (name != "{OriginalFormat}" && value is not null && written.Add(field))
                {
                    WriteValue(json, field, value);
                }
            }

            if (exception is not null && written.Add("error"))
            {
                json.WriteString("error", exception.Message);
            }

            json.WriteEndObject();
        }

        // One WriteLine per entry, so lines of concurrent invocations never interleave.
        output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>ExecutionId → execution_id; function_name stays as it is.</summary>
    public static string SnakeCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var snake = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && name[i - 1] != '_')
            {
                snake.Append('_');
            }

            snake.Append(char.ToLowerInvariant(name[i]));
        }

        return snake.ToString();
    }

    private IEnumerable<KeyValuePair<string, object?>> ScopeFields()
    {
        for (var scope = scopes.Value; scope is not null; scope = scope.Parent)
        {
            foreach (var field in scope.Fields)
            {
                yield return field;
            }
        }
    }

    private static void WriteValue(Utf8JsonWriter json, string field, object value)
    {
        switch (value)
        {
            case bool b:
                json.WriteBoolean(field, b);
                break;
            case int or long or short or byte:
                json.WriteNumber(field, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case double or float or decimal:
                json.WriteNumber(field, Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteString(field, Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>Lambda's level names (TRACE, DEBUG, INFO, WARN, ERROR, FATAL).</summary>
    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARN",
        LogLevel.Error => "ERROR",
        _ => "FATAL",
    };

    private sealed class Scope(JsonLineLogger logger, Scope? parent, IEnumerable<KeyValuePair<string, object?>> fields) : IDisposable
    {
        public Scope? Parent => parent;

        public IEnumerable<KeyValuePair<string, object?>> Fields { get; } = [.. fields];

        public void Dispose() => logger.scopes.Value = parent;
    }
}
