using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Constructs;

namespace PurchasePipeline.Infra.Alerting;

/// <summary>
/// Alarms that page through the alert topic when the state machine's own alert may not have gone out:
/// a failed or timed-out execution, and a purchase file whose event never started an execution.
/// </summary>
public sealed class PipelineAlarms : Construct
{
    private static readonly Duration Period = Duration.Minutes(5);

    public PipelineAlarms(Construct scope, string id, PipelineAlarmsProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var action = new SnsAction(props.Topic);
        ExecutionsFailed = Create("ExecutionsFailed", props.StateMachine.MetricFailed(new MetricOptions { Period = Period }),
            "a purchase-pipeline execution failed");
        ExecutionsTimedOut = Create("ExecutionsTimedOut", props.StateMachine.MetricTimedOut(new MetricOptions { Period = Period }),
            "a purchase-pipeline execution timed out");
        UndeliveredEvents = Create("UndeliveredEvents",
            props.DeadLetterQueue.MetricApproximateNumberOfMessagesVisible(new MetricOptions { Period = Period, Statistic = "Maximum" }),
            "an Object Created event could not start an execution (see the dead-letter queue)");

        Alarm Create(string name, IMetric metric, string description)
        {
            var alarm = new Alarm(this, name, new AlarmProps
            {
                AlarmDescription = description,
                Metric = metric,
                Threshold = 1,
                EvaluationPeriods = 1,
                ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                TreatMissingData = TreatMissingData.NOT_BREACHING,
            });
            alarm.AddAlarmAction(action);
            return alarm;
        }
    }

    public Alarm ExecutionsFailed { get; }

    public Alarm ExecutionsTimedOut { get; }

    public Alarm UndeliveredEvents { get; }
}
