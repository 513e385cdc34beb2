namespace PurchasePipeline.Functions;

/// <summary>One Lambda function behind a Task state, as the CDK deploys it and the local plane binds it.</summary>
/// <param name="Name">The function's name, also its Task state's name (StartCrawler …).</param>
/// <param name="HandlerType">The handler class.</param>
/// <param name="RequestType">The state's parameters (a Core.Tasks request record).</param>
/// <param name="ResultType">The state's result (a Core.Tasks result record).</param>
/// <param name="Create">Builds the handler from the plane's ports.</param>
public sealed record TaskFunctionInfo(string Name, Type HandlerType, Type RequestType, Type ResultType, Func<TaskPorts, ITaskFunction> Create)
{
    /// <summary>The handler method every function exposes to Lambda.</summary>
    public const string HandlerMethod = nameof(StartCrawlerFunction.HandleAsync);

    /// <summary>The ASL placeholder of the function's ARN, without <c>${}</c> (a CDK DefinitionSubstitutions key), e.g. StartCrawlerFunctionArn.</summary>
    public string ArnPlaceholder => Name + "FunctionArn";

    /// <summary>The Lambda handler string: <c>Assembly::Namespace.Type::HandleAsync</c>.</summary>
    public string Handler => $"{HandlerType.Assembly.GetName().Name}::{HandlerType.FullName}::{HandlerMethod}";
}
