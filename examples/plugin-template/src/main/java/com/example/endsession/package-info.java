/** An EndSession plugin: replace {@link com.example.endsession.ExampleListener} with your own. */
package com.example.endsession;
