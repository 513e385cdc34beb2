namespace PurchasePipeline.Core.Errors;

/// <summary>
/// A task's input is not what its state's Parameters should produce: a required field is missing or empty,
/// or the JSON is malformed or of the wrong type. Retrying cannot help; the definition or the caller is wrong.
/// </summary>
public sealed class InvalidTaskInputException : PipelineException
{
    public InvalidTaskInputException(string field, string reason)
        : base($"task input {field}: {reason}")
    {
        Field = field;
    }

    public InvalidTaskInputException(string field, string reason, Exception innerException)
        : base($"task input {field}: {reason}", innerException)
    {
        Field = field;
    }

    /// <summary>The JSON path of the offending field (e.g. <c>$.crawlerName</c>, <c>$.queries[1].queryId</c>), or <c>$</c> for the whole input.</summary>
    public string Field { get; }


    /// <summary>The error for a required field that is absent, null or empty.</summary>
    public static InvalidTaskInputException Missing(string field) => new(field, "required field is missing or empty");
}
