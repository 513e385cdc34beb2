namespace PurchasePipeline.States;

/// <summary>What the context object ($$.Execution, $$.StateMachine) says about the execution.</summary>
/// <param name="Id">The execution ARN ($$.Execution.Id).</param>
/// <param name="Name">The execution name.</param>
/// <param name="StateMachineId">The state machine ARN.</param>
/// <param name="StateMachineName">The state machine name.</param>
/// <param name="RoleArn">The execution role ARN ($$.Execution.RoleArn).</param>
public sealed record ExecutionInfo(string Id, string Name, string StateMachineId, string StateMachineName, string RoleArn = "arn:aws:iam::000000000000:role/local");
