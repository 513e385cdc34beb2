using System.Text.Json.Nodes;
using PurchasePipeline.States.Json;

namespace PurchasePipeline.States.Definition;

/// <summary>Reading of Wait, Succeed and Fail.</summary>
internal sealed partial class DefinitionReader
{
    private static readonly string[] WaitFields = ["Seconds", "Timestamp", "SecondsPath", "TimestampPath"];

    private WaitState ReadWait(JsonObject obj, string path)
    {
        CheckFields(obj, path, "Wait state", ["Type", "Comment", "QueryLanguage", "Next", "End", "InputPath", "OutputPath", "Seconds", "Timestamp", "SecondsPath", "TimestampPath"]);
        var (input, output) = ReadInputOutput(obj, path);
        var given = WaitFields.Count(obj.ContainsKey);
        if (given != 1)
        {
            Problem(path, "needs exactly one of Seconds, Timestamp, SecondsPath and TimestampPath");
        }

        DateTimeOffset? timestamp = null;
        if (ReadString(obj, "Timestamp", path) is { } text)
        {
            if (Timestamps.TryParse(text, out var parsed))
            {
                timestamp = parsed;
            }
            else
            {
                Problem(Child(path, "Timestamp"), $"'{text}' is not an RFC 3339 timestamp such as 2016-03-14T01:59:00Z");
            }
        }

        return new WaitState
        {
            Name = string.Empty,
            Next = ReadTransition(obj, path),
            InputPath = input,
            OutputPath = output,
            Seconds = ReadInt(obj, "Seconds", path, 0, 99_999_999),
            Timestamp = timestamp,
            SecondsPath = ReadPath(obj, "SecondsPath", path, null, nullable: false, reference: true, allowContext: true),
            TimestampPath = ReadPath(obj, "TimestampPath", path, null, nullable: false, reference: true, allowContext: true),
        };
    }

    private SucceedState ReadSucceed(JsonObject obj, string path)
    {
        CheckFields(obj, path, "Succeed state", ["Type", "Comment", "QueryLanguage", "InputPath", "OutputPath"]);
        var (input, output) = ReadInputOutput(obj, path);
        return new SucceedState { Name = string.Empty, InputPath = input, OutputPath = output };
    }

    private FailState ReadFail(JsonObject obj, string path)
    {
        CheckFields(obj, path, "Fail state", ["Type", "Comment", "QueryLanguage", "Error", "Cause", "ErrorPath", "CausePath"]);
        Exclusive(obj, path, "Error", "ErrorPath");
        Exclusive(obj, path, "Cause", "CausePath");
        return new FailState
        {
            Name = string.Empty,
            Error = ReadString(obj, "Error", path),
            Cause = ReadString(obj, "Cause", path),
            ErrorPath = ReadDynamicString(obj, "ErrorPath", path),
            CausePath = ReadDynamicString(obj, "CausePath", path),
        };
    }

    /// <summary>ErrorPath and CausePath: a reference path or an intrinsic function.</summary>
    private TemplateNode? ReadDynamicString(JsonObject obj, string field, string path)
    {
        if (ReadString(obj, field, path) is not { } text)
        {
            return null;
        }

        if (text.StartsWith("States.", StringComparison.Ordinal))
        {
            return new TemplateIntrinsic(text, field);
        }

        return ParsePath(text, Child(path, field), reference: true, allowContext: true) is { } parsed
            ? new TemplatePath(parsed, field)
            : null;
    }
}
