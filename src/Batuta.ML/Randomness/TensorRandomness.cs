// numpy's RandomState (MT19937) lives in Batuta.Tensor, so migrated np.random code and scikit-learn's
// random_state share one generator; Batuta.ML builds on Tensor throughout.
global using Batuta.Tensors;
