// Even null can be thrown.
throw null;
