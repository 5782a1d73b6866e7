/** A recorder and its EndSession listener, tested with the testkit on JUnit 5.10. */
package com.example.recorder;
