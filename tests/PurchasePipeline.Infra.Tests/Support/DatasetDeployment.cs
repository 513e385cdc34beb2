using System.Text;
using System.Text.Json.Nodes;

namespace PurchasePipeline.Infra.Tests.Support;

/// <summary>
/// The stack with a QuickSight dataset configured (so every task function has its grants), synthesized once,
/// and the values a deployment of it would have (<see cref="TemplateValues"/>): each function's role and
/// environment, the state machine's substitutions, the Glue tables and the Athena workgroup.
/// </summary>
public sealed class DatasetDeployment
{
    public DatasetDeployment()
    {
        var (stack, template) = Synth.Stack(new() { ["quickSightDatasetId"] = "purchases" });
        Stack = stack;
        Json = template.Json();
        Values = new TemplateValues(Json);
    }

    public PurchasePipelineStack Stack { get; }

    public JsonObject Json { get; }

    internal TemplateValues Values { get; }

    /// <summary>The properties of the task function's AWS::Lambda::Function.</summary>
    public JsonObject Function(string task) => Resource(Stack.LogicalId(Stack.Functions[task]))["Properties"]!.AsObject();

    /// <summary>The function's environment variables, resolved.</summary>
    public IReadOnlyDictionary<string, string> Environment(string task) =>
        (Function(task)["Environment"]?["Variables"]?.AsObject() ?? []).ToDictionary(pair => pair.Key, pair => Values.Resolve(pair.Value), StringComparer.Ordinal);

    /// <summary>The logical id of the role the function runs as (its Role's Fn::GetAtt).</summary>
    public string RoleId(string task) => (string)Function(task)["Role"]!["Fn::GetAtt"]![0]!;

    /// <summary>
    /// The actions the Allow statements of the function's role name: its AWS::IAM::Policy resources and inline
    /// policies. A managed policy or a NotAction would allow what these do not list, so either fails the test.
    /// </summary>
    public IReadOnlyList<string> RoleActions(string task)
    {
        var roleId = RoleId(task);
        var role = Resource(roleId)["Properties"]!.AsObject();
        Assert.Null(role["ManagedPolicyArns"]);
        IEnumerable<JsonObject> statements =
        [
            .. Policies.StatementsOfRole(Json, roleId),
            .. (role["Policies"]?.AsArray() ?? []).SelectMany(policy => policy!["PolicyDocument"]!["Statement"]!.AsArray().Select(statement => statement!.AsObject())),
        ];
        return
        [
            .. statements.Where(statement => (string?)statement["Effect"] == "Allow")
                .Select(statement => statement.ContainsKey("NotAction") ? throw new NotSupportedException($"{roleId}: an Allow with NotAction allows what it does not list") : statement)
                .SelectMany(Policies.Actions)
                .Distinct(StringComparer.OrdinalIgnoreCase),
        ];
    }

    /// <summary>The value of one of the state machine's DefinitionSubstitutions (what the Task states pass the functions).</summary>
    public string Substitution(string name) =>
        Values.Resolve(Json.Single("AWS::StepFunctions::StateMachine")["DefinitionSubstitutions"]![name]);

    /// <summary>The name of the log group the function writes to (LoggingConfig).</summary>
    public string LogGroupName(string task) => Values.Resolve(Function(task)["LoggingConfig"]!["LogGroup"]);

    /// <summary>The workgroup's enforced query result location, s3://bucket/prefix/.</summary>
    public string QueryOutputLocation(string workGroup)
    {
        var group = Assert.Single(Json.Resources("AWS::Athena::WorkGroup"), pair => Values.Ref(pair.Id) == workGroup);
        return Values.Resolve(group.Properties["WorkGroupConfiguration"]!["ResultConfiguration"]!["OutputLocation"]);
    }

    /// <summary>The Glue table of that name in the database: its S3 location (null for a view) and, for a view, its SQL.</summary>
    public (string? Location, string? ViewSql) Table(string database, string name)
    {
        var table = Json.Resources("AWS::Glue::Table")
            .Select(pair => pair.Properties)
            .SingleOrDefault(properties => (string?)properties["DatabaseName"] == database && (string?)properties["TableInput"]!["Name"] == name)
            ?? throw new KeyNotFoundException($"the template has no Glue table {database}.{name}");
        var input = table["TableInput"]!;
        var location = input["StorageDescriptor"]?["Location"] is { } node ? Values.Resolve(node) : null;
        return (location, PrestoViewSql((string?)input["ViewOriginalText"]));
    }

    /// <summary>
    /// A Presto/Trino view's SQL: ViewOriginalText is <c>/* Presto View: BASE64 */</c> of a JSON whose originalSql is
    /// the view's query, as LakeCatalog.Tables writes it for Athena.
    /// </summary>
    private static string? PrestoViewSql(string? originalText)
    {
        const string Prefix = "/* Presto View: ", Suffix = " */";
        if (originalText is null || !originalText.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var data = originalText[Prefix.Length..^Suffix.Length];
        return (string?)JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(data)))!["originalSql"];
    }

    private JsonObject Resource(string logicalId) => Json["Resources"]![logicalId]!.AsObject();
}
