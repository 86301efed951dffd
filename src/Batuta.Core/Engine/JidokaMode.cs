namespace Batuta.Core.Engine;

/// <summary>
/// How hard the gates stop the line. relaxed: only errors stop a phase and the debt gate is off;
/// standard: errors stop, grade F stops Analysis; strict: any warning stops its phase and Analysis
/// needs grade C or better.
/// </summary>
public enum JidokaMode
{
    Relaxed,
    Standard,
    Strict,
}
