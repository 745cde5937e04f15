namespace Dsl.Training;

/// <summary>
/// Regression metrics of a mean-squared or mean-absolute error term with a target column, over every element of
/// the prediction (masked samples only for a masked term).
/// </summary>
/// <param name="Mae">Mean absolute error.</param>
/// <param name="Mse">Mean squared error.</param>
/// <param name="R2">
/// The coefficient of determination, 1 - SS_res / SS_tot, with SS_tot around the mean of all target elements
/// (NaN when the targets are constant).
/// </param>
public sealed record RegressionReport(double Mae, double Mse, double R2);
