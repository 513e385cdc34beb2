using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Constructs;
using PurchasePipeline.Functions;
using PurchasePipeline.Infra.Security;

namespace PurchasePipeline.Infra.Functions;

/// <summary>
/// One Lambda per <see cref="FunctionCatalog"/> entry (the Native AOT package on provided.al2023, arm64, the catalog's
/// handler string, which the package's bootstrap reads to serve that function), each with
/// its own role allowed only the calls its task makes (<see cref="TaskPermissions"/>), the environment
/// variables of those services (<see cref="TaskEnvironment"/>) and its own log group.
/// </summary>
public sealed class TaskFunctions : Construct
{
    private readonly Dictionary<string, Function> functions = new(StringComparer.Ordinal);

    public TaskFunctions(Construct scope, string id, TaskFunctionsProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var permissions = new TaskPermissions(props);

        foreach (var task in FunctionCatalog.All)
        {
            var logs = new LogGroup(this, task.Name + "Logs", new LogGroupProps
            {
                Retention = RetentionDays.THREE_MONTHS,
                RemovalPolicy = RemovalPolicy.DESTROY,
            });
            var role = new Role(this, task.Name + "Role", new RoleProps
            {
                AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
                Description = $"purchase-pipeline {task.Name} task",
            });
            role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = "WriteOwnLogs",
                Actions = ["logs:CreateLogStream", "logs:PutLogEvents"],
                Resources = [logs.LogGroupArn],
            }));
            var statements = permissions.For(task.Name);
            foreach (var statement in statements)
            {
                role.AddToPolicy(statement);
            }

            Nag.Suppress(role, ("AwsSolutions-IAM5",
                "Scoped to this function's own resources: its log group's streams (log-group:NAME:*), and object prefixes (PREFIX/*) or QuickSight ingestions of the one dataset (dataset/ID/ingestion/*) where the object or ingestion is chosen at run time."));

            functions[task.Name] = new Function(this, task.Name, new FunctionProps
            {
                Description = $"purchase-pipeline {task.Name} task ({task.HandlerType.Name})",
                Runtime = FunctionCode.Runtime,
                Architecture = Architecture.ARM_64,
                Handler = task.Handler,
                Code = props.Code.Code,
                Role = role,
                LogGroup = logs,
                MemorySize = 512,
                Timeout = Duration.Seconds(90),
                Environment = TaskEnvironment.For(task.Name, props),
            });
        }
    }

    /// <summary>The function of a catalog name (StartCrawler …).</summary>
    public Function this[string name] => functions[name];

    /// <summary>Every function, by its catalog name.</summary>
    public IReadOnlyDictionary<string, Function> ByName => functions;
}
