using Amazon.CDK;
using Constructs;
using PurchasePipeline.Infra.Alerting;
using PurchasePipeline.Infra.Catalog;
using PurchasePipeline.Infra.Functions;
using PurchasePipeline.Infra.Security;
using PurchasePipeline.Infra.Settings;
using PurchasePipeline.Infra.Storage;
using PurchasePipeline.Infra.Workflow;

namespace PurchasePipeline.Infra;

public sealed class PurchasePipelineStackProps : StackProps
{
    public required PipelineSettings Settings { get; init; }

    public required RepositoryFiles Files { get; init; }
}

/// <summary>The cloud plane (docs: src/README.md "The planes", infra/README.md), one construct per concern.</summary>
public sealed class PurchasePipelineStack : Stack
{
    public PurchasePipelineStack(Construct scope, string id, PurchasePipelineStackProps props)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(props);
        var settings = props.Settings;

        Storage = new LakeStorage(this, "Storage", new LakeStorageProps
        {
            ScratchRetentionDays = settings.ScratchRetentionDays,
            NoncurrentVersionDays = settings.NoncurrentVersionDays,
        });
        Alerts = new AlertTopic(this, "Alerts", new AlertTopicProps { AlertEmail = settings.AlertEmail });
        GlueEncryption = new GlueEncryption(this, "GlueEncryption");
        Catalog = new LakeCatalog(this, "Catalog", new LakeCatalogProps
        {
            Storage = Storage,
            DatabaseName = settings.DatabaseName,
            Encryption = GlueEncryption,
        });
        EtlJob = new EtlJob(this, "EtlJob", new EtlJobProps
        {
            Storage = Storage,
            Files = props.Files,
            Encryption = GlueEncryption,
            WorkerType = settings.GlueWorkerType,
            Workers = settings.GlueWorkers,
            TimeoutMinutes = settings.GlueJobTimeoutMinutes,
        });
        Functions = new TaskFunctions(this, "Functions", new TaskFunctionsProps
        {
            Storage = Storage,
            Catalog = Catalog,
            EtlJob = EtlJob,
            QuickSightDatasetId = settings.QuickSightDatasetId,
            Code = FunctionCode.From(settings, props.Files),
        });
        Workflow = new PipelineWorkflow(this, "Workflow", new PipelineWorkflowProps
        {
            Files = props.Files,
            Functions = Functions,
            Alerts = Alerts,
            Catalog = Catalog,
            EtlJob = EtlJob,
            Settings = settings,
        });
        Trigger = new ObjectCreatedTrigger(this, "Trigger", new ObjectCreatedTriggerProps
        {
            Files = props.Files,
            Bucket = Storage.Bucket,
            StateMachine = Workflow.StateMachine,
        });
        ExecutionAlerts = new ExecutionAlertRule(this, "ExecutionAlerts", props.Files, Workflow.StateMachine, Alerts);
        Alarms = new PipelineAlarms(this, "Alarms", new PipelineAlarmsProps
        {
            StateMachine = Workflow.StateMachine,
            DeadLetterQueue = Trigger.DeadLetterQueue,
            Topic = Alerts.Topic,
        });

        CdkProviders.PinRuntime(this);
        CdkProviders.Suppress(this);

        _ = new CfnOutput(this, "BucketName", new CfnOutputProps { Value = Storage.Bucket.BucketName });
        _ = new CfnOutput(this, "StateMachineArn", new CfnOutputProps { Value = Workflow.StateMachine.StateMachineArn });
        _ = new CfnOutput(this, "AlertTopicArn", new CfnOutputProps { Value = Alerts.Topic.TopicArn });
    }

    public LakeStorage Storage { get; }

    public AlertTopic Alerts { get; }

    public GlueEncryption GlueEncryption { get; }

    public LakeCatalog Catalog { get; }

    public EtlJob EtlJob { get; }

    public TaskFunctions Functions { get; }

    public PipelineWorkflow Workflow { get; }

    public ObjectCreatedTrigger Trigger { get; }

    public ExecutionAlertRule ExecutionAlerts { get; }

    public PipelineAlarms Alarms { get; }
}
