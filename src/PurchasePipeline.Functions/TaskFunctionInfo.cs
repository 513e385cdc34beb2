using PurchasePipeline.Core.Ports;

namespace PurchasePipeline.Functions;

/// <summary>One Lambda function behind a Task state, as the CDK deploys it and the local plane binds it: all read from its entry class.</summary>
public sealed record TaskFunctionInfo
{
    /// <summary>The handler method every function exposes to Lambda.</summary>
    public const string HandlerMethod = nameof(StartCrawlerFunction.HandleAsync);

    private const string Suffix = "Function";

    private TaskFunctionInfo(Type handlerType, Type requestType, Type resultType, Func<TaskPorts, ITaskFunction> create)
    {
        Name = handlerType.Name.EndsWith(Suffix, StringComparison.Ordinal)
            ? handlerType.Name[..^Suffix.Length]
            : throw new ArgumentException($"task function class {handlerType.Name} is not named after its state (NameFunction)", nameof(handlerType));
        HandlerType = handlerType;
        RequestType = requestType;
        ResultType = resultType;
        Create = create;
    }

    /// <summary>The function's name, also its Task state's name (StartCrawler …): the entry class's name without "Function".</summary>
    public string Name { get; }

    /// <summary>The handler class.</summary>
    public Type HandlerType { get; }

    /// <summary>The state's parameters (a Core.Tasks request record).</summary>
    public Type RequestType { get; }

    /// <summary>The state's result (a Core.Tasks result record).</summary>
    public Type ResultType { get; }

    /// <summary>Builds the handler from the plane's ports.</summary>
    public Func<TaskPorts, ITaskFunction> Create { get; }

    /// <summary>The ASL placeholder of the function's ARN, without <c>${}</c> (a CDK DefinitionSubstitutions key), e.g. StartCrawlerFunctionArn.</summary>
    public string ArnPlaceholder => Name + "FunctionArn";

    /// <summary>The Lambda handler string: <c>Assembly::Namespace.Type::HandleAsync</c>.</summary>
    public string Handler => $"{HandlerType.Assembly.GetName().Name}::{HandlerType.FullName}::{HandlerMethod}";

    /// <summary>The function of an entry class, everything but its constructor call read from the type at compile time.</summary>
    public static TaskFunctionInfo Of<TFunction>(Func<TaskPorts, TFunction> create)
        where TFunction : class, ITaskFunction, ITaskPayloads =>
        new(typeof(TFunction), TFunction.RequestType, TFunction.ResultType, create);
}
