// The benchmark builds the dependencies' products, not this target.
