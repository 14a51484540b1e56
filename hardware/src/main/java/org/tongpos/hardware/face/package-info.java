/** Face terminals: Hikvision ISAPI alert stream client and ZKTeco PUSH server, both yielding "person recognised" events. */
package org.tongpos.hardware.face;
