using System.Text.Json.Serialization.Metadata;
using PurchasePipeline.Core.Tasks;

namespace PurchasePipeline.Functions;

/// <summary>
/// The one shape of a task's Lambda, as Amazon.Lambda.Annotations would generate it: the state's request JSON
/// in, the Core task, its result JSON out, (de)serialised by the source-generated <see cref="TaskJson"/>.
/// An entry class only names its task and how the task takes its ports from <see cref="Core.Ports.TaskPorts"/>.
/// </summary>
/// <remarks>
/// Lambda finds <see cref="HandleAsync"/> here although the handler string names the entry class: its .NET
/// runtime looks the method up on the class, then on each base class in turn (aws/aws-lambda-dotnet,
/// Libraries/src/Amazon.Lambda.RuntimeSupport/Bootstrap/UserCodeLoader.cs, FindCustomerMethodByName), and only
/// the class it constructs must be non-generic, non-abstract and have a parameterless constructor.
/// </remarks>
public abstract class TaskFunction<TRequest, TResult>(IPipelineTask<TRequest, TResult> task) : ITaskFunction, ITaskPayloads
    where TRequest : class
{
    // GetTypeInfo of a source-generated context is generated code, not reflection: trim- and AOT-safe.
    private static readonly JsonTypeInfo<TRequest> RequestInfo = TypeInfo<TRequest>();
    private static readonly JsonTypeInfo<TResult> ResultInfo = TypeInfo<TResult>();

    static Type ITaskPayloads.RequestType => typeof(TRequest);

    static Type ITaskPayloads.ResultType => typeof(TResult);

    /// <summary>The Lambda entry point: the state's parameters as JSON in, its result as JSON out.</summary>
    /// <remarks>Exceptions propagate: Lambda reports the exception's type name as the error the state's Retry and Catch match.</remarks>
    public Task<Stream> HandleAsync(Stream input) => InvokeAsync(input, CancellationToken.None);

    /// <inheritdoc />
    public Task<Stream> InvokeAsync(Stream input, CancellationToken cancellationToken) =>
        TaskStream.RunAsync(input, RequestInfo, ResultInfo, task.RunAsync, cancellationToken);

    private static JsonTypeInfo<T> TypeInfo<T>() =>
        TaskJson.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new InvalidOperationException($"TaskJson has no [JsonSerializable(typeof({typeof(T).Name}))]");
}

/// <summary>The payload types of a task function, read from its type by <see cref="TaskFunctionInfo.Of"/>.</summary>
public interface ITaskPayloads
{
    /// <summary>The state's parameters (a Core.Tasks request record).</summary>
    static abstract Type RequestType { get; }

    /// <summary>The state's result (a Core.Tasks result record).</summary>
    static abstract Type ResultType { get; }
}
