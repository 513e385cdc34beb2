namespace PurchasePipeline.Local.Dashboard;

/// <summary>One bar of a <see cref="BarChart"/>.</summary>
/// <param name="Label">What the bar is (a category, a brand, a reject reason).</param>
/// <param name="Value">The length the bar is drawn to.</param>
/// <param name="ValueText">The value as printed beside the bar.</param>
/// <param name="Tooltip">The full story of the bar, shown on hover.</param>
/// <param name="Note">A second, smaller line under the label (a brand's category), if any.</param>
internal sealed record Bar(string Label, decimal Value, string ValueText, string Tooltip, string? Note = null);
